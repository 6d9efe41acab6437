/** The console suggests exactly the handle the server would derive from the same title. */
export { suggestHandle } from '../../../src/modules/catalog/handles.ts';
