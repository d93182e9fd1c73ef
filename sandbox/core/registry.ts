import type { DocTypeMeta, Field } from './meta';
import { FrappeError } from './errors';

const metas = new Map<string, DocTypeMeta>();

export function register(...list: DocTypeMeta[]): void {
  for (const meta of list) metas.set(meta.name, meta);
}

export function findMeta(doctype: string): DocTypeMeta | undefined {
  return metas.get(doctype);
}

/** frappe.get_meta: an unknown DocType is a DoesNotExistError "DocType X not found" (n02). */
export function getMeta(doctype: string): DocTypeMeta {
  const meta = metas.get(doctype);
  if (!meta) throwMissingDoctype(doctype);
  return meta;
}

export function throwMissingDoctype(doctype: string): never {
  throw new FrappeError('DoesNotExistError', `DocType ${doctype} not found`, { viaThrow: true });
}

export function allMetas(): DocTypeMeta[] {
  return [...metas.values()];
}

export function tableFields(meta: DocTypeMeta): Field[] {
  return meta.fields.filter((df) => df.fieldtype === 'Table');
}

export function scalarFields(meta: DocTypeMeta): Field[] {
  return meta.fields.filter((df) => df.fieldtype !== 'Table');
}

export function getField(meta: DocTypeMeta, fieldname: string): Field | undefined {
  return meta.fields.find((df) => df.fieldname === fieldname);
}
