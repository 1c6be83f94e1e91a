// `npm run openapi` writes openapi.json from the route table and the SDK's schemas (scripts/openapi/);
// test/contract/openapi-current.test.ts fails while the committed file differs from what this would write.
import { writeFileSync } from 'node:fs';
import { buildDocument, serialize } from './openapi/document.js';

writeFileSync(new URL('../openapi.json', import.meta.url), serialize(buildDocument()));
console.log('wrote openapi.json');
