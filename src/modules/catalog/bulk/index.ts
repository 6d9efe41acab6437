/** Bulk operations on products: the admin routes and the job that carries them out. */
export { bulkOperationRoutes } from './routes.ts';
export { BULK_OPERATION_JOB, registerBulkOperationJobs, runBulkOperation } from './run-bulk-operation.ts';
