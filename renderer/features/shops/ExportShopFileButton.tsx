import { useShops } from '../../state/shops';
import { SaveFileButton } from '../ui/SaveFileButton';

/** Saves the shop's configuration as a shop file (the CLI's format); says where it went. */
export function ExportShopFileButton({ shopId }: { shopId: string }) {
  const exportFile = useShops((state) => state.exportFile);
  return (
    <SaveFileButton
      label="Export shop file"
      save={() => exportFile(shopId)}
      saved={({ path }) => (
        <p>
          Shop file saved to <code>{path}</code>
        </p>
      )}
      failedTitle="The shop file was not exported"
      testId="export-shop-file"
      savedTestId="shop-file-saved"
    />
  );
}
