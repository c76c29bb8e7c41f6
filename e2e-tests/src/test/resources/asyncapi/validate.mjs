// Checks an AsyncAPI document the way AsyncAPI tools will read it: node validate.mjs <document.json|yaml>
// Prints every error of @asyncapi/parser and exits 1 if there is one (or no document came out), else prints a
// one-line summary and exits 0. Warnings and hints do not fail the check: they are style, not contract.
// Works with @asyncapi/parser 3.6.6 (npm install @asyncapi/parser@3.6.6), on Node 20.
import { readFile } from 'node:fs/promises';
import { Parser } from '@asyncapi/parser';

const ERROR = 0; // DiagnosticSeverity.Error of @stoplight/types

const path = process.argv[2];
if (!path) {
  console.error('usage: node validate.mjs <asyncapi-document>');
  process.exit(2);
}

const text = await readFile(path, 'utf8');
const parser = new Parser();
// The source lets $refs to other files resolve relative to the document, and names it in the diagnostics.
const { document, diagnostics } = await parser.parse(text, { source: path });

const errors = diagnostics.filter((diagnostic) => diagnostic.severity === ERROR);
for (const error of errors) {
  const at = error.path && error.path.length ? error.path.join('/') : '(document)';
  console.error(`error ${error.code} at ${at}: ${error.message}`);
}
if (errors.length > 0 || document === undefined) {
  console.error(`${path}: not a valid AsyncAPI document (${errors.length} errors)`);
  process.exit(1);
}

const channels = document.channels();
const messages = document.messages();
console.log(`${path}: AsyncAPI ${document.version()} valid, ${channels.length} channels, ${messages.length} messages, `
  + `${document.operations().length} operations, ${diagnostics.length - errors.length} warnings or hints`);
