/**
 * The carriers the server makes tracking links for (the orders module's table, read as it is: it is
 * plain data), so the console offers the same names and shows the link a parcel will get.
 */
export { carrierTracking, trackingUrlFor } from '../../../src/modules/orders/carrier-tracking.ts';
