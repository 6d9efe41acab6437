/** Public face of product media: the gallery API, the file route, background downloads of recorded URLs. */
export { imageSrc, MEDIA_PATH_PREFIX, mediaPath } from './image-source.ts';
export { mediaFileRoutes } from './media-file-route.ts';
export {
  MAX_IMAGES_PER_PRODUCT,
  MAX_UPLOAD_BYTES,
  productGallery,
  reorderProductImages,
  uploadProductImage,
} from './product-images.ts';
export {
  DOWNLOAD_IMAGES_JOB,
  downloadProductImages,
  registerMediaJobs,
  remoteImageConsumer,
} from './remote-image-downloads.ts';
export { productImageRoutes } from './routes.ts';
export {
  registerUnreferencedMediaJob,
  removeUnreferencedMedia,
  type UnreferencedMediaReport,
  unreferencedMediaSchedule,
} from './unreferenced-media.ts';
