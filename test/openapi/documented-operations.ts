// Every operation the vendor documents, written by hand from ../shared/seeds and the vendor-reference
// facts (NOT read from the specs), so the specs can be checked against it.
// Path parameters are written as the documents write them; they are compared by position only.

export interface DocumentedOperation {
  api: 'davinci' | 'authorize' | 'versori' | 'sailpoint';
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** Success status(es); the first is the one a suite expects. */
  success: number[];
  source: 'seed' | 'vendor-reference';
  /** Request content type, where the operation takes a body. */
  requestType?: string;
  /** Success response content type; absent for 204. */
  responseType?: string;
  /** Error statuses the document lists for this operation. */
  errors: number[];
}

const PINGONE_ERRORS = [400, 401, 403, 404];
const SAILPOINT_ERRORS = [400, 401, 403, 404, 429, 500];
const DV = '/environments/{{envID}}/connectorInstances';
const AZ = '/environments/{{envID}}/apiServers/{{apiServerID}}/operations';
const VS = '/o/{organisation_id}';
const SP = '/connectors';
const JSON_T = 'application/json';

export const DOCUMENTED_OPERATIONS: DocumentedOperation[] = [
  // seed 001 and 000: DaVinci create and update; the rest from the vendor reference.
  {
    api: 'davinci',
    method: 'POST',
    path: DV,
    success: [201],
    source: 'seed',
    requestType: JSON_T,
    responseType: JSON_T,
    errors: PINGONE_ERRORS,
  },
  {
    api: 'davinci',
    method: 'PUT',
    path: `${DV}/{{connectorInstanceID}}`,
    success: [200],
    source: 'seed',
    requestType: JSON_T,
    responseType: JSON_T,
    errors: PINGONE_ERRORS,
  },
  {
    api: 'davinci',
    method: 'GET',
    path: DV,
    success: [200],
    source: 'vendor-reference',
    responseType: JSON_T,
    errors: PINGONE_ERRORS,
  },
  {
    api: 'davinci',
    method: 'GET',
    path: `${DV}/{{connectorInstanceID}}`,
    success: [200],
    source: 'vendor-reference',
    responseType: JSON_T,
    errors: PINGONE_ERRORS,
  },
  {
    api: 'davinci',
    method: 'DELETE',
    path: `${DV}/{{connectorInstanceID}}`,
    success: [204],
    source: 'vendor-reference',
    errors: PINGONE_ERRORS,
  },
  {
    api: 'davinci',
    method: 'POST',
    path: `${DV}/{{connectorInstanceID}}`,
    success: [201],
    source: 'vendor-reference',
    requestType: 'application/vnd.pingidentity.connectorInstance.clone+json',
    responseType: JSON_T,
    errors: PINGONE_ERRORS,
  },

  // seed 002: Authorize operation update (200 per the reference table, 201 per the seed's example).
  {
    api: 'authorize',
    method: 'PUT',
    path: `${AZ}/{{apiServerOperationID}}`,
    success: [200, 201],
    source: 'seed',
    requestType: JSON_T,
    responseType: JSON_T,
    errors: PINGONE_ERRORS,
  },
  {
    api: 'authorize',
    method: 'GET',
    path: AZ,
    success: [200],
    source: 'vendor-reference',
    responseType: JSON_T,
    errors: PINGONE_ERRORS,
  },
  {
    api: 'authorize',
    method: 'POST',
    path: AZ,
    success: [201],
    source: 'vendor-reference',
    requestType: JSON_T,
    responseType: JSON_T,
    errors: PINGONE_ERRORS,
  },
  {
    api: 'authorize',
    method: 'GET',
    path: `${AZ}/{{apiServerOperationID}}`,
    success: [200],
    source: 'vendor-reference',
    responseType: JSON_T,
    errors: PINGONE_ERRORS,
  },
  {
    api: 'authorize',
    method: 'DELETE',
    path: `${AZ}/{{apiServerOperationID}}`,
    success: [204],
    source: 'vendor-reference',
    errors: PINGONE_ERRORS,
  },

  // seed 003: Versori full-replace update; lifecycle from the vendor reference.
  {
    api: 'versori',
    method: 'PUT',
    path: `${VS}/connectors/{connector_id}`,
    success: [200],
    source: 'seed',
    requestType: JSON_T,
    responseType: JSON_T,
    errors: [400, 404],
  },
  {
    api: 'versori',
    method: 'GET',
    path: `${VS}/connectors`,
    success: [200],
    source: 'vendor-reference',
    responseType: JSON_T,
    errors: [],
  },
  {
    api: 'versori',
    method: 'GET',
    path: `${VS}/connectors/{connector_id}`,
    success: [200],
    source: 'vendor-reference',
    responseType: JSON_T,
    errors: [404],
  },
  {
    api: 'versori',
    method: 'DELETE',
    path: `${VS}/connectors/{connector_id}`,
    success: [204],
    source: 'vendor-reference',
    errors: [404, 409],
  },
  {
    api: 'versori',
    method: 'POST',
    path: `${VS}/protocols/http/connectors`,
    success: [201],
    source: 'vendor-reference',
    requestType: JSON_T,
    responseType: JSON_T,
    errors: [400],
  },

  // seed 004: the 13 SailPoint Connectors operations.
  {
    api: 'sailpoint',
    method: 'POST',
    path: SP,
    success: [200],
    source: 'seed',
    requestType: JSON_T,
    responseType: JSON_T,
    errors: SAILPOINT_ERRORS,
  },
  {
    api: 'sailpoint',
    method: 'DELETE',
    path: `${SP}/{scriptName}`,
    success: [204],
    source: 'seed',
    errors: SAILPOINT_ERRORS,
  },
  {
    api: 'sailpoint',
    method: 'GET',
    path: `${SP}/{scriptName}`,
    success: [200],
    source: 'seed',
    responseType: JSON_T,
    errors: SAILPOINT_ERRORS,
  },
  {
    api: 'sailpoint',
    method: 'GET',
    path: `${SP}/{scriptName}/correlation-config`,
    success: [200],
    source: 'seed',
    responseType: 'application/xml',
    errors: SAILPOINT_ERRORS,
  },
  {
    api: 'sailpoint',
    method: 'GET',
    path: SP,
    success: [200],
    source: 'seed',
    responseType: JSON_T,
    errors: SAILPOINT_ERRORS,
  },
  {
    api: 'sailpoint',
    method: 'GET',
    path: `${SP}/{scriptName}/source-config`,
    success: [200],
    source: 'seed',
    responseType: 'application/xml',
    errors: SAILPOINT_ERRORS,
  },
  {
    api: 'sailpoint',
    method: 'GET',
    path: `${SP}/{scriptName}/source-template`,
    success: [200],
    source: 'seed',
    responseType: 'application/xml',
    errors: SAILPOINT_ERRORS,
  },
  {
    api: 'sailpoint',
    method: 'GET',
    path: `${SP}/{scriptName}/translations/{locale}`,
    success: [200],
    source: 'seed',
    responseType: 'text/plain',
    errors: SAILPOINT_ERRORS,
  },
  {
    api: 'sailpoint',
    method: 'PUT',
    path: `${SP}/{scriptName}/correlation-config`,
    success: [200],
    source: 'seed',
    requestType: 'multipart/form-data',
    responseType: JSON_T,
    errors: SAILPOINT_ERRORS,
  },
  {
    api: 'sailpoint',
    method: 'PUT',
    path: `${SP}/{scriptName}/source-config`,
    success: [200],
    source: 'seed',
    requestType: 'multipart/form-data',
    responseType: JSON_T,
    errors: SAILPOINT_ERRORS,
  },
  {
    api: 'sailpoint',
    method: 'PUT',
    path: `${SP}/{scriptName}/source-template`,
    success: [200],
    source: 'seed',
    requestType: 'multipart/form-data',
    responseType: JSON_T,
    errors: SAILPOINT_ERRORS,
  },
  {
    api: 'sailpoint',
    method: 'PUT',
    path: `${SP}/{scriptName}/translations/{locale}`,
    success: [200],
    source: 'seed',
    requestType: 'multipart/form-data',
    responseType: JSON_T,
    errors: SAILPOINT_ERRORS,
  },
  {
    api: 'sailpoint',
    method: 'PATCH',
    path: `${SP}/{scriptName}`,
    success: [200],
    source: 'seed',
    requestType: 'application/json-patch+json',
    responseType: JSON_T,
    errors: SAILPOINT_ERRORS,
  },
];
