import type { FuseV1Config, FuseV1Options } from '@electron/fuses';

export declare const FUSES: Partial<Record<FuseV1Options, boolean>>;
export declare function fuseConfig(platform: string, arch: string): FuseV1Config;
export declare function electronBinary(context: AfterPackContextLike): string;

export interface AfterPackContextLike {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { executableName: string; appInfo: { productFilename: string } };
}
