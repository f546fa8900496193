// Run before every test file: the stores a file opened are closed when it ends (a
// PostgreSQL pool left open would keep the worker alive).
import { afterAll } from 'vitest';
import { closeTestStores } from './stores.js';

afterAll(closeTestStores);
