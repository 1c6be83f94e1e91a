/**
 * The LeadAdapter contract (test/contract/adapter-contract.ts) for the RestAdapter on PostgreSQL: the contract
 * suite itself runs on the SQLite server `npm start` uses (test/contract/adapters.test.ts); here the same
 * checks, intake included, meet the other engine.
 */
import { describe } from 'node:test';
import { adapterContract } from '../contract/adapter-contract.js';
import { ENGINE } from './databases.js';
import { restContractBackend } from './support.js';

describe('the adapter contract on PostgreSQL', { skip: ENGINE !== 'postgres' && 'SQLite: test/contract runs it' }, () => {
  adapterContract(restContractBackend('RestAdapter on the reference server over PostgreSQL'));
});
