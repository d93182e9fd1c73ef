import { ctx } from '../core/context';
import { setGlobalDefault, setUserDefault } from '../core/defaults';
import type { DocTypeMeta } from '../core/meta';
import { f, full } from '../core/meta';
import { perms } from './roles';

// Frappe's own doctypes that provisioning touches: reference data, users and System Settings.

export const currency: DocTypeMeta = {
  name: 'Currency', app: 'frappe', autoname: 'field:currency_name', perms: [full('System Manager'), ...perms.readAll],
  fields: [f.data('currency_name', { reqd: true, label: 'Currency Name' }), f.check('enabled'), f.data('fraction'),
    f.int('fraction_units'), f.data('symbol'), f.data('number_format')],
};

export const country: DocTypeMeta = {
  name: 'Country', app: 'frappe', autoname: 'field:country_name', perms: [full('System Manager'), ...perms.readAll],
  fields: [f.data('country_name', { reqd: true, label: 'Country Name' }), f.data('date_format'), f.data('time_format'),
    f.data('time_zones'), f.data('code')],
};

export const language: DocTypeMeta = {
  name: 'Language', app: 'frappe', autoname: 'field:language_code', perms: [full('System Manager'), ...perms.readAll],
  fields: [f.check('enabled', 1), f.data('language_code', { reqd: true }), f.data('language_name', { reqd: true })],
};

export const role: DocTypeMeta = {
  name: 'Role', app: 'frappe', autoname: 'field:role_name', perms: perms.systemOnly,
  fields: [f.data('role_name', { reqd: true }), f.check('disabled'), f.check('desk_access', 1)],
};

export const hasRole: DocTypeMeta = {
  name: 'Has Role', app: 'frappe', istable: true, perms: [], fields: [f.link('role', 'Role', { label: 'Role' })],
};

/** tabDefaultValue: a user's own defaults are rows whose parent is the user (frappe/defaults.py get_defaults_for). */
export const defaultValue: DocTypeMeta = {
  name: 'DefaultValue', app: 'frappe', istable: true, perms: [],
  fields: [f.data('defkey', { reqd: true, label: 'Key' }), f.data('defvalue', { label: 'Value' })],
};

export const user: DocTypeMeta = {
  name: 'User', app: 'frappe', autoname: 'controller', perms: perms.systemOnly,
  fields: [
    f.check('enabled', 1), f.data('email', { reqd: true, label: 'Email' }), f.data('first_name', { reqd: true, label: 'First Name' }),
    f.data('last_name'), f.data('full_name'), f.data('username'), f.link('language', 'Language'), f.data('time_zone'),
    f.select('user_type', ['System User', 'Website User'], { default: 'System User' }), f.data('api_key'),
    f.table('roles', 'Has Role', { label: 'Roles Assigned' }),
    f.table('defaults', 'DefaultValue', { label: 'User Defaults' }),
  ],
  controller: {
    // Rows of User > defaults are read as the user's defaults, whatever their parenttype (frappe/defaults.py).
    onUpdate(doc) {
      for (const row of (doc.defaults as { defkey?: string; defvalue?: string }[] | undefined) ?? []) {
        if (row.defkey) setUserDefault(String(doc.name), row.defkey, row.defvalue ?? null);
      }
    },
    // user.py autoname: the email, except the built-in Administrator and Guest
    autoname(doc) {
      const requested = String(doc.__bodyName ?? '');
      doc.name = ['Administrator', 'Guest'].includes(requested) ? requested : String(doc.email ?? '').trim().toLowerCase();
    },
    validate(doc) {
      doc.full_name = [doc.first_name, doc.last_name].filter(Boolean).join(' ');
    },
  },
};

/** Child table of "Installed Applications"; present so get_value on it fails like f02 (parent permission). */
export const installedApplication: DocTypeMeta = {
  name: 'Installed Application', app: 'frappe', istable: true, perms: [],
  fields: [f.data('app_name'), f.data('app_version'), f.data('git_branch'), f.check('is_setup_complete')],
};

export const systemSettings: DocTypeMeta = {
  name: 'System Settings', app: 'frappe', issingle: true, perms: perms.systemOnly,
  fields: [
    f.link('country', 'Country'), f.link('language', 'Language', { label: 'Language' }), f.data('time_zone'),
    f.check('enable_onboarding', 1), f.check('setup_complete'),
    f.select('date_format', ['dd-mm-yyyy', 'dd/mm/yyyy', 'dd.mm.yyyy', 'mm/dd/yyyy', 'mm-dd-yyyy', 'yyyy-mm-dd'], { default: 'dd-mm-yyyy' }),
    f.select('time_format', ['HH:mm:ss', 'HH:mm'], { default: 'HH:mm:ss' }),
    f.select('number_format', ['#,###.##', '#.###,##', '# ###.##', '# ###,##', "#'###.##", '#, ###.##', '#,##,###.##', '#,###.###', '#.###', '#,###'], { default: '#,###.##' }),
    f.select('float_precision', ['', '2', '3', '4', '5', '6', '7', '8', '9']),
    f.select('currency_precision', ['', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']),
    f.link('currency', 'Currency'), f.check('allow_error_traceback', 1),
  ],
  controller: {
    // system_settings.py on_update: every changed value becomes a site default (frappe.db.set_default)
    onUpdate(doc, before) {
      for (const df of systemSettings.fields) {
        if (!before || before[df.fieldname] !== doc[df.fieldname]) setGlobalDefault(df.fieldname, doc[df.fieldname]);
      }
      ctx().flags.timeZoneChanged = true;
    },
  },
};

/**
 * frappe/desk/doctype/tag/tag.json: named by the user ("Prompt"), so a second insert of one name is a
 * DuplicateEntryError; role All may create and write, only System Manager may delete. The provisioner
 * keeps its site lease in one (a record ERPNext itself refuses to create twice).
 */
export const tag: DocTypeMeta = {
  name: 'Tag', app: 'frappe', autoname: 'Prompt', perms: [full('System Manager'), { role: 'All', read: true, write: true, create: true }],
  fields: [f.text('description', { label: 'Description' })],
};

export const frappeDoctypes = [currency, country, language, role, hasRole, defaultValue, user, installedApplication, systemSettings, tag];
