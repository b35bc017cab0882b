// The ids the mock's seed data lives under. Clients of the mock address these (they are printed at
// start-up and listed in the README); any other environment or organisation starts empty.

/** The environment of the PingOne documents' own examples. */
export const DEFAULT_ENVIRONMENT_ID = 'abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6';
/** An API server (PingOne Authorize) that exists in the default environment. */
export const DEFAULT_API_SERVER_ID = '5f1a7c2e-3b4d-4e6f-8a9b-0c1d2e3f4a5b';
/** A Versori organisation (a ULID). */
export const DEFAULT_ORGANISATION_ID = '01HZY8Q3M5V7W9X1Y3Z5A7B9C1';
