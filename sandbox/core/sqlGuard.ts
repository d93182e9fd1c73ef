import { frappeThrow } from './errors';

// frappe/model/db_query.py DatabaseQuery.sanitize_fields and validate_order_by_and_group_by: what the
// query builder refuses before SQL is sent. reportview.validate_args sets strict=None, so the strict
// checks ("Illegal SQL Query" for comments and UNION in fields) do not run for REST lists.

const SUB_QUERY = /^.*[,();@].*/s;
const FIELD_QUOTE = /^[0-9a-zA-Z]+\s*'/;
const FIELD_COMMA = /^[0-9a-zA-Z_]+\s*,/;
const IS_QUERY = /^(select|delete|update|drop|create)\s/;
const IS_QUERY_PREDICATE = /^\s*[0-9a-zA-z]*\s*( from | group by | order by | where | join )/;
const ORDER_GROUP = /^.*[^a-z0-9\-_ ,`'".()].*/;

const BLACKLISTED_KEYWORDS = ['select', 'create', 'insert', 'delete', 'drop', 'update', 'case', 'show'];
const BLACKLISTED_FUNCTIONS = [
  'concat', 'concat_ws', 'if', 'ifnull', 'nullif', 'coalesce', 'connection_id', 'current_user', 'database',
  'last_insert_id', 'session_user', 'system_user', 'user', 'version', 'global',
];

const restricted = (): never => frappeThrow('Use of sub-query or function is restricted', 'DataError');

export function sanitizeFields(fields: string[]): void {
  for (const field of fields) {
    const lower = field.toLowerCase().trim();
    if (SUB_QUERY.test(field)) {
      if (lower.includes('(')) {
        const token = lower.slice(lower.indexOf('(') + 1).trimStart().split(' ', 1)[0] ?? '';
        if (BLACKLISTED_KEYWORDS.some((k) => token.includes(k))) restricted();
      }
      const fn = lower.split('(', 1)[0]?.trimEnd() ?? '';
      if (BLACKLISTED_FUNCTIONS.includes(fn)) frappeThrow(`Use of function ${fn} in field is restricted`, 'DataError');
      if (lower.includes('@')) restricted();
    }
    if (FIELD_QUOTE.test(field) || FIELD_COMMA.test(field) || IS_QUERY.test(field) || IS_QUERY_PREDICATE.test(field)) restricted();
  }
}

/** Refused before the database: sub-queries, characters outside [a-z0-9-_ ,`'".()], other tables, sleep(). */
export function validateOrderBy(orderBy: string, tables: string[]): void {
  if (!orderBy) return;
  const lower = orderBy.toLowerCase();
  if (lower.includes('select') && lower.includes('from')) frappeThrow('Cannot use sub-query in order by');
  if (ORDER_GROUP.test(lower)) frappeThrow('Illegal SQL Query');
  for (const raw of orderBy.split(',')) {
    const field = raw.trim();
    const fn = field.split('(', 1)[0]?.trimEnd().toLowerCase() ?? '';
    if (field.includes('.') && field.startsWith('`tab')) {
      const table = field.split('.', 1)[0] ?? '';
      if (!tables.includes(table)) frappeThrow(`Please select atleast 1 column from ${table.slice(4, -1)} to sort/group`);
    }
    if (fn.includes('sleep')) frappeThrow(`Cannot use ${fn} in order/group by`);
  }
}
