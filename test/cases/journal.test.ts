// The journal: what is created and deleted, and intents whose answer never came.

import { mkdtempSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { Journal } from '../../src/cases/journal.js';

it('lists what was created and not deleted, and the intents no creation answered', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'cfm-journal-')), 'j.jsonl');
  const j = new Journal(file);
  j.record({ event: 'creating', api: 'versori', label: 'connector', name: 'cfm-r-1', listPath: '/o/x/connectors', deletePath: '/o/x/connectors/{id}' });
  j.record({ event: 'created', api: 'versori', label: 'connector', id: 'A', path: '/o/x/connectors/A', name: 'cfm-r-1' });
  j.record({ event: 'creating', api: 'versori', label: 'connector', name: 'cfm-r-2', listPath: '/o/x/connectors', deletePath: '/o/x/connectors/{id}' });
  j.record({ event: 'created', api: 'versori', label: 'connector', id: 'B', path: '/o/x/connectors/B', name: 'cfm-r-2' });
  j.record({ event: 'deleted', api: 'versori', label: 'connector', id: 'B', path: '/o/x/connectors/B' });
  j.record({ event: 'creating', api: 'versori', label: 'connector', name: 'cfm-r-3', listPath: '/o/x/connectors', deletePath: '/o/x/connectors/{id}' });
  j.record({ event: 'creating', api: 'versori', label: 'connector', name: 'cfm-r-4', listPath: '/o/x/connectors', deletePath: '/o/x/connectors/{id}' });
  j.record({ event: 'declined', api: 'versori', name: 'cfm-r-4' }); // answered 400: nothing was created
  appendFileSync(file, '{"event":"created","api":"vers'); // cut short by an interruption
  const { created, unresolved } = Journal.remaining(file);
  expect(created.map((e) => e.id)).toEqual(['A']);
  expect(unresolved.map((e) => e.name)).toEqual(['cfm-r-3']);
});

it('a missing journal means nothing to clean', () => {
  expect(Journal.remaining('/no/such/journal.jsonl')).toEqual({ created: [], unresolved: [] });
});

it('journals a clone by its source: its intent is settled by the clone\'s own answer, not the source\'s', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'cfm-journal-')), 'j.jsonl');
  const j = new Journal(file);
  j.record({ event: 'run', runId: 'r', targets: { davinci: 'https://api.example/v1' }, pid: 1 });
  j.record({ event: 'creating', api: 'davinci', label: 'connector instance', name: 'cfm-r-1', listPath: '/i', deletePath: '/i/{id}' });
  j.record({ event: 'created', api: 'davinci', label: 'connector instance', id: 'SRC', path: '/i/SRC', name: 'cfm-r-1' });
  j.record({ event: 'creating', api: 'davinci', label: 'connector instance', name: 'cfm-r-1', listPath: '/i', deletePath: '/i/{id}', of: 'SRC' });
  const killed = Journal.read(file);
  expect(killed.run).toMatchObject({ runId: 'r', targets: { davinci: 'https://api.example/v1' } });
  expect(killed.unresolved).toEqual([expect.objectContaining({ name: 'cfm-r-1', of: 'SRC' })]);
  j.record({ event: 'created', api: 'davinci', label: 'connector instance', id: 'CLONE', path: '/i/CLONE', name: 'cfm-r-1', of: 'SRC' });
  const answered = Journal.read(file);
  expect(answered.unresolved).toEqual([]);
  expect(answered.created.map((e) => e.id)).toEqual(['SRC', 'CLONE']);
});
