// SailPoint ISC v2024 connectors, keyed by scriptName: the list (RELEASED only, filters, limit,
// offset, count → X-Total-Count), V3ConnectorDto vs ConnectorDetail views, JSON Patch on four fields,
// and the XML / text configuration files read as documents and written as multipart uploads.

import { existingItem } from '../../mock/crud.js';
import type { Resource } from '../../mock/store.js';
import type { ApiProfile, FieldError, Handler, HandlerContext, MockResponse } from '../../mock/types.js';
import { pick } from '../../mock/pick.js';
import { parseFilters, type Predicate } from './mock-filters.js';

const DETAIL_CODES: Record<number, string> = {
  400: '400.1 Bad Request Content',
  403: '403 Forbidden',
  404: '404 Not found',
  405: '405 Method Not Allowed',
  413: '413 Payload Too Large',
  415: '415 Unsupported Media Type',
  500: '500.0 Internal Fault',
};
const DTO = ['name', 'type', 'scriptName', 'className', 'features', 'directConnect', 'connectorMetadata', 'status'];
const DETAIL = [
  'name',
  'type',
  'className',
  'scriptName',
  'applicationXml',
  'correlationConfigXml',
  'sourceConfigXml',
  'sourceConfig',
  'sourceConfigFrom',
  's3Location',
  'uploadedFiles',
  'fileUpload',
  'directConnect',
  'translationProperties',
  'connectorMetadata',
  'status',
];
const CONNECTORS = '/connectors';
const message = (text: string) => ({ locale: 'en-US', localeOrigin: 'DEFAULT', text });

/**
 * The file behind each configuration operation pair: where it is kept and its name in UpdateDetail.
 * The source template is the connector's application XML (an `<Application>` document), so the
 * file operations and JSON Patch on the four patchable fields change the same data.
 */
const FILES: Record<string, { field: string; fileName: string }> = {
  'source-config': { field: 'sourceConfigXml', fileName: 'source-config.xml' },
  'source-template': { field: 'applicationXml', fileName: 'source-template.xml' },
  'correlation-config': { field: 'correlationConfigXml', fileName: 'correlation-config.xml' },
};

const connector = (ctx: HandlerContext): Resource =>
  ctx.store.get(CONNECTORS, ctx.req.pathParams['scriptName']!) ??
  ctx.fail(404, `no connector with scriptName "${ctx.req.pathParams['scriptName']}"`);

function readFile(kind: string): Handler {
  return (ctx) => ({ status: 200, body: String(connector(ctx)[FILES[kind]!.field]), contentType: 'application/xml' });
}

function writeFile(kind: string): Handler {
  return (ctx) => {
    const c = connector(ctx);
    const text = (ctx.req.body as { file: string }).file;
    if (!isXml(text))
      ctx.fail(400, `the ${FILES[kind]!.fileName} file is not an XML document`, [
        { field: 'file', message: 'must be an XML document' },
      ]);
    return updateDetail(c, FILES[kind]!.field, FILES[kind]!.fileName, text);
  };
}

function updateDetail(c: Resource, field: string, fileName: string, text: string, holder: Resource = c): MockResponse {
  const unchanged = holder[field] === text;
  holder[field] = text;
  if (!unchanged) c['uploadedFiles'] = [...new Set([...((c['uploadedFiles'] as string[] | null) ?? []), fileName])];
  return {
    status: 200,
    body: {
      message: unchanged ? `${fileName} is unchanged` : `${fileName} updated`,
      scriptName: c['scriptName'],
      updatedFiles: unchanged ? [] : [fileName],
      status: unchanged ? 'UNCHANGED' : 'UPDATED',
    },
  };
}

const translations = (c: Resource) => c['translations'] as Record<string, string>;
const XML_FIELDS = ['applicationXml', 'correlationConfigXml', 'sourceConfigXml'];
const isXml = (v: unknown) => typeof v === 'string' && v.trim().startsWith('<');

/** A Java properties text as a map (`key=value` or `key: value` lines; `#`/`!` comments skipped). */
function properties(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t === '' || t.startsWith('#') || t.startsWith('!')) continue;
    const m = /^([^=:]*?)\s*[=:]\s*(.*)$/.exec(t);
    out[m ? m[1]! : t] = m ? m[2]! : '';
  }
  return out;
}

/** Why a patched connector cannot be kept: the patchable fields must keep their types. */
function patchedProblems(c: Resource): FieldError[] {
  const problems: FieldError[] = [];
  const meta = c['connectorMetadata'];
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta))
    problems.push({ field: 'connectorMetadata', message: 'must be an object' });
  for (const f of XML_FIELDS) if (!isXml(c[f])) problems.push({ field: f, message: 'must be an XML document' });
  return problems;
}

export const sailpoint: ApiProfile = {
  apiId: 'sailpoint',
  idField: 'scriptName',
  patchable: ['connectorMetadata', 'applicationXml', 'correlationConfigXml', 'sourceConfigXml'],

  errorBody(status, text, fields: FieldError[], entropy) {
    if (status === 401) return { error: text };
    if (status === 429) return { message: text };
    return {
      detailCode: DETAIL_CODES[status] ?? `${status}`,
      trackingId: entropy.hex(32),
      messages: [message(text)],
      causes: fields.map((f) => message(`${f.field}: ${f.message}`)),
    };
  },

  create(ctx, body) {
    const name = String(body['name']);
    const slug =
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'connector';
    return {
      name,
      type: body['type'] ?? name,
      className: body['className'],
      scriptName: `${slug}-${ctx.entropy.hex(8)}`,
      features: [],
      directConnect: body['directConnect'] ?? true,
      connectorMetadata: {},
      status: body['status'] ?? 'DEVELOPMENT',
      applicationXml: `<?xml version="1.0" encoding="UTF-8"?>\n<Application connector="${escapeXml(name)}" type="${escapeXml(String(body['type'] ?? name))}"/>`,
      correlationConfigXml: '<?xml version="1.0" encoding="UTF-8"?>\n<CorrelationConfig/>',
      sourceConfigXml: '<?xml version="1.0" encoding="UTF-8"?>\n<SourceConfig/>',
      sourceConfig: null,
      sourceConfigFrom: null,
      s3Location: '',
      uploadedFiles: null,
      fileUpload: false,
      translationProperties: { en: { 'connector.name': name } },
      translations: { en: `connector.name=${name}\n` },
    };
  },

  replace: (ctx) => ctx.fail(405, 'connectors are changed with PATCH'),

  /** The create and list operations answer V3ConnectorDto; the others ConnectorDetail. */
  render: (ctx, r) =>
    pick(r, ['createCustomConnector', 'getConnectorList'].includes(ctx.op.operationId ?? '') ? DTO : DETAIL),

  list(ctx, all) {
    const q = ctx.req.query;
    let matches: Predicate = () => true;
    if (typeof q['filters'] === 'string') {
      try {
        matches = parseFilters(q['filters']);
      } catch (err) {
        ctx.fail(400, `invalid filters: ${(err as Error).message}`, [
          { field: 'filters', message: (err as Error).message },
        ]);
      }
    }
    const released = all.filter((c) => c['status'] === 'RELEASED' && matches(c));
    const offset = (q['offset'] as number | undefined) ?? 0;
    const limit = (q['limit'] as number | undefined) ?? 250;
    const page = released.slice(offset, offset + limit).map((c) => sailpoint.render(ctx, c));
    const headers: Record<string, string> = q['count'] === true ? { 'x-total-count': String(released.length) } : {};
    return { status: 200, body: page, headers };
  },

  handlers: {
    getConnectorSourceConfig: readFile('source-config'),
    putConnectorSourceConfig: writeFile('source-config'),
    getConnectorSourceTemplate: readFile('source-template'),
    putConnectorSourceTemplate: writeFile('source-template'),
    getConnectorCorrelationConfig: readFile('correlation-config'),
    putConnectorCorrelationConfig: writeFile('correlation-config'),
    getConnectorTranslations(ctx) {
      const all = translations(connector(ctx));
      return { status: 200, body: all[ctx.req.pathParams['locale']!] ?? all['en'] ?? '', contentType: 'text/plain' };
    },
    putConnectorTranslations(ctx) {
      const c = connector(ctx);
      const locale = ctx.req.pathParams['locale']!;
      const text = (ctx.req.body as { file: string }).file;
      c['translationProperties'] = { ...(c['translationProperties'] as Resource), [locale]: properties(text) };
      return updateDetail(c, locale, `translations/${locale}.properties`, text, translations(c));
    },
    /**
     * JSON Patch limited to the four patchable fields: a `move` may not take from another field, and
     * the result must keep `connectorMetadata` an object and the three XML fields XML documents.
     */
    async updateConnector(ctx) {
      const before = connector(ctx);
      const ops = ctx.req.body as Array<{ op: string; from?: string }>;
      const moved = ops.findIndex(
        (o) => o.op === 'move' && !(sailpoint.patchable ?? []).includes(o.from?.split('/')[1] ?? ''),
      );
      if (moved >= 0)
        ctx.fail(
          400,
          `"${ops[moved]!.from}" cannot be moved from; patchable fields: ${sailpoint.patchable!.join(', ')}`,
          [{ field: `[${moved}].from`, message: `must be one of /${sailpoint.patchable!.join(', /')} or below them` }],
        );
      const answer = await ctx.crud.patch(ctx);
      const problems = patchedProblems(ctx.store.get(CONNECTORS, ctx.itemId!)!);
      if (problems.length > 0) {
        ctx.store.put(CONNECTORS, ctx.itemId!, before);
        ctx.fail(
          400,
          `the patch leaves the connector invalid: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
          problems,
        );
      }
      return answer;
    },
    deleteCustomConnector(ctx) {
      existingItem(ctx);
      ctx.store.delete(CONNECTORS, ctx.itemId!);
      return { status: 204 };
    },
  },

  async seed(api) {
    await api.create('createCustomConnector', {}, api.example('seed004-create-request'));
    const released = [
      {
        name: 'Active Directory',
        type: 'Active Directory - Direct',
        className: 'sailpoint.connector.ADLDAPConnector',
        features: ['AUTHENTICATE', 'PROVISIONING', 'PASSWORD'],
        category: 'directory',
      },
      {
        name: 'Workday',
        type: 'Workday',
        className: 'openconnector.connector.workday.WorkdayConnector',
        features: ['PROVISIONING', 'SYNC_PROVISIONING'],
        category: 'hr',
      },
      {
        name: 'ServiceNow',
        type: 'ServiceNow',
        className: 'sailpoint.connector.OpenConnectorAdapter',
        features: ['ENABLE', 'UNLOCK'],
        category: 'itsm',
      },
      {
        name: 'Delimited File',
        type: 'DelimitedFile',
        className: 'sailpoint.connector.DelimitedFileConnector',
        features: [],
        category: 'file',
        directConnect: false,
      },
    ];
    for (const r of released) {
      const made = await api.create(
        'createCustomConnector',
        {},
        {
          name: r.name,
          type: r.type,
          className: r.className,
          directConnect: r.directConnect ?? true,
          status: 'RELEASED',
        },
      );
      made['features'] = r.features;
      made['connectorMetadata'] = { category: r.category, labels: r.directConnect === false ? ['file'] : ['direct'] };
    }
    await api.create(
      'createCustomConnector',
      {},
      {
        name: 'Custom SaaS (in development)',
        className: 'sailpoint.connector.OpenConnectorAdapter',
        status: 'DEVELOPMENT',
      },
    );
  },
};

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
