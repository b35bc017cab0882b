// The ids the mock's seed data lives under. Clients of the mock address these (they are printed at
// start-up and listed in the README); any other environment or organisation starts empty.

/** The environment of the PingOne documents' own examples. */
export const DEFAULT_ENVIRONMENT_ID = 'abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6';
/** An API server (PingOne Authorize) that exists in the default environment. */
export const DEFAULT_API_SERVER_ID = '5f1a7c2e-3b4d-4e6f-8a9b-0c1d2e3f4a5b';
/** A Versori organisation (a ULID). */
export const DEFAULT_ORGANISATION_ID = '01HZY8Q3M5V7W9X1Y3Z5A7B9C1';
/** The PingOne group and scope that exist (PINGONE_GROUP_ID / PINGONE_SCOPE_ID for the mock); the strict mock refuses references to others. */
export const DEFAULT_GROUP_ID = '2b8a1c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d';
export const DEFAULT_SCOPE_ID = '7c6b5a49-3828-4716-a5b4-c3d2e1f0a9b8';
/** DaVinci connectors every environment has; the strict mock refuses instances of others. */
export const KNOWN_CONNECTOR_IDS: readonly string[] = [
  'httpConnector',
  'slackConnector',
  'pingOneSSOConnector',
  'smtpConnector',
  'pingOneMfaConnector',
  'flowConnector',
];
