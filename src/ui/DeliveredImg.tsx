import type { ImgHTMLAttributes } from 'react';
import type { AssetSummary } from '../core/types.ts';
import { useDeliveredImage } from './editorHost.ts';

export interface DeliveredImgProps extends Omit<ImgHTMLAttributes<HTMLImageElement>, 'src' | 'srcSet' | 'onError'> {
  asset: Pick<AssetSummary, 'assetMetadata'>;
  /** A delivery URL of the asset. */
  src: string;
}

/**
 * An `<img>` of a delivery URL, public or restricted alike (see useDeliveredImage); nothing at all
 * when it cannot be shown. For the editor's backdrop and smart-crop swatches.
 */
export function DeliveredImg({ asset, src, ...img }: DeliveredImgProps) {
  const image = useDeliveredImage(asset, src);
  if (image.unavailable) return null;
  return <img {...img} {...image.props} />;
}
