import type { IncomingMessage, ServerResponse } from 'node:http';
import { sha1 } from '../catalog/assetId.ts';
import type { AssetRecord } from '../catalog/assetRecord.ts';
import { contentTypeOf, extensionOf, parseRequestedFormat } from '../delivery/formatNegotiation.ts';
import { parseModifiers } from '../delivery/modifiers.ts';
import { planImage, type ImageRequest } from '../delivery/planImage.ts';
import { renderImage, type RenderedImage } from '../delivery/renderImage.ts';
import { STATIC_RENDITIONS, renditionSize, type StaticRendition } from '../delivery/staticRenditions.ts';
import { fileSeoName, seoNameFor } from '../../../src/core/deliveryUrl.ts';
import { isFound } from '../media/findTool.ts';
import type { EmulatorContext } from '../emulatorContext.ts';
import { badRequest, notFound } from '../http/problem.ts';
import { contentDisposition } from '../http/contentDisposition.ts';
import { matchesEtag, send, sendJson } from '../http/respond.ts';
import type { Router } from '../http/router.ts';
import { cacheControlFor, checkSeoName, findVisibleAsset, quote } from './assetLookup.ts';
import { streamRoutes } from './streamRoutes.ts';

const ID = '([^/]+)';
/** The convenience route's id must not swallow the sibling endpoints. */
const CONVENIENCE_ID = '((?!search$|imagePresets$|collections$)[^/]+)';

interface DeliveryRequest extends Omit<ImageRequest, 'accept'> {
  /** Decoded: the name the file is saved under. */
  seoName: string;
}

/** Binary delivery: transformed images, the convenience image, originals and renditions. */
export function deliveryRoutes(router: Router, ctx: EmulatorContext): void {
  /**
   * Renders (or reuses) one image. The render is planned and weighed first: what would exceed the
   * pixel budget is a 400 before it is queued, and large work goes to the queue's large lane. The
   * ETag is derived from the request alone, so a 304 costs no transform.
   */
  async function deliverImage(req: IncomingMessage, res: ServerResponse, request: DeliveryRequest): Promise<void> {
    const { asset, modifiers } = request;
    const plan = await planImage(ctx, { ...request, accept: req.headers.accept });
    const etag = quote(plan.key.slice(0, 32));
    const headers: Record<string, string> = {
      'Content-Disposition': contentDisposition(modifiers.attachment, `${request.seoName}.${extensionOf(plan.format)}`),
    };
    if (modifiers.autoFormat) headers.Vary = 'Accept';
    const cacheControl = cacheControlFor(asset);
    // Answer revalidations before touching pixels.
    if (matchesEtag(req, etag)) return send(req, res, 200, { body: '', contentType: contentTypeOf(plan.format), etag, cacheControl, headers });
    const rendered = await ctx.transforms.run(plan.key, plan.render, { large: plan.large });
    send(req, res, 200, { body: rendered.data, contentType: rendered.contentType, etag, cacheControl, headers });
  }

  router.add('GET', new RegExp(`^/adobe/assets/${ID}/as/([^/]+)\\.([^./]+)$`), async ({ req, res, url, params, raw }) => {
    const [id, seoName, ext] = params as [string, string, string];
    const { asset } = findVisibleAsset(ctx, req, id);
    checkSeoName(raw[1]!);
    const requested = parseRequestedFormat(ext);
    const modifiers = parseModifiers(url.searchParams);
    await deliverImage(req, res, { asset, modifiers, seoName, requested });
  });

  router.add('GET', new RegExp(`^/adobe/assets/${ID}/as/([^/]+)$`), ({ params }) => {
    throw badRequest('format', `"${params[1]}" has no format extension; expected {seoName}.{gif|png|jpg|jpeg|webp|avif}`);
  });

  // The convenience URL: AVIF (or the best format the browser takes), width 1024, quality 65.
  router.add('GET', new RegExp(`^/adobe/assets/${CONVENIENCE_ID}$`), async ({ req, res, params }) => {
    const { asset } = findVisibleAsset(ctx, req, params[0]!);
    const modifiers = parseModifiers(new URLSearchParams());
    const seoName = decodeURIComponent(seoNameFor(asset.name));
    await deliverImage(req, res, { asset, modifiers, seoName, requested: 'avif', defaultWidth: 1024, defaultQuality: 65 });
  });

  /** `rawSeoName` as sent; it is checked, then decoded into the file name. */
  async function sendOriginal(req: IncomingMessage, res: ServerResponse, url: URL, asset: AssetRecord, rawSeoName: string, extra: Record<string, string> = {}) {
    checkSeoName(rawSeoName);
    const attachment = parseModifiers(pickAttachment(url)).attachment;
    send(req, res, 200, {
      body: await ctx.catalog.readBinary(asset),
      contentType: asset.mimeType,
      etag: quote(asset.binaryHash.slice(0, 32)),
      cacheControl: cacheControlFor(asset),
      headers: { ...extra, 'Content-Disposition': contentDisposition(attachment, decodeURIComponent(rawSeoName)) },
    });
  }

  router.add('GET', new RegExp(`^/adobe/assets/${ID}/original/as/([^/]+)$`), async ({ req, res, url, params, raw }) => {
    const { asset } = findVisibleAsset(ctx, req, params[0]!);
    await sendOriginal(req, res, url, asset, raw[1]!);
  });

  router.add('GET', new RegExp(`^/adobe/assets/deliver/${ID}/([^/]+)$`), async ({ req, res, url, params, raw }) => {
    const { asset } = findVisibleAsset(ctx, req, params[0]!);
    await sendOriginal(req, res, url, asset, raw[1]!, { Deprecation: 'true', Link: `</adobe/assets/${asset.id}/original/as/${raw[1]}>; rel="successor-version"` });
  });

  const renderRendition = (asset: AssetRecord, rendition: StaticRendition): Promise<RenderedImage> => {
    const size = renditionSize(rendition, asset.width, asset.height);
    const modifiers = parseModifiers(new URLSearchParams({ width: String(size.width), height: String(size.height), fit: 'constrain', 'auto-format': 'false' }));
    return ctx.transforms.run(sha1(asset.etag, 'rendition', rendition.name), async () =>
      renderImage({ source: await ctx.catalog.readBinary(asset), modifiers, format: rendition.format }),
    );
  };

  // The list is "Bearer" in dm-openapi.txt; delivering one rendition is "None or Bearer".
  router.add('GET', new RegExp(`^/adobe/assets/${ID}/renditions$`), async ({ req, res, params }) => {
    const { asset } = findVisibleAsset(ctx, req, params[0]!, 'bearer');
    const items = [{ name: 'original', format: asset.mimeType, size: asset.size, width: asset.width, height: asset.height }];
    if (asset.mimeType.startsWith('image/')) {
      for (const rendition of STATIC_RENDITIONS) {
        const image = await renderRendition(asset, rendition);
        items.push({ name: rendition.name, format: image.contentType, size: image.data.length, width: image.width, height: image.height });
      }
    }
    sendJson(req, res, { assetId: asset.id, 'repo:name': asset.name, items }, { etag: quote(sha1(asset.etag, 'renditions').slice(0, 32)), cacheControl: cacheControlFor(asset) });
  });

  router.add('GET', new RegExp(`^/adobe/assets/${ID}/renditions/([^/]+)/as/([^/]+)$`), async ({ req, res, url, params, raw }) => {
    const [id, name] = params as [string, string];
    const rawSeoName = raw[2]!;
    const { asset } = findVisibleAsset(ctx, req, id);
    checkSeoName(raw[1]!, 'renditionName');
    if (name === 'original') return sendOriginal(req, res, url, asset, rawSeoName);
    checkSeoName(rawSeoName);
    const rendition = STATIC_RENDITIONS.find((r) => r.name === name);
    if (!rendition || !asset.mimeType.startsWith('image/')) {
      throw notFound(`renditionName: ${asset.name} has no rendition "${name}"; see /adobe/assets/${asset.id}/renditions`, 'renditionName');
    }
    const image = await renderRendition(asset, rendition);
    const attachment = parseModifiers(pickAttachment(url)).attachment;
    send(req, res, 200, {
      body: image.data,
      contentType: image.contentType,
      etag: quote(sha1(asset.etag, 'rendition', name).slice(0, 32)),
      cacheControl: cacheControlFor(asset),
      headers: { 'Content-Disposition': contentDisposition(attachment, decodeURIComponent(rawSeoName)) },
    });
  });

  // The player container: an HTML page with a <video> over the original, for hosts to iframe.
  router.add('GET', new RegExp(`^/adobe/assets/${ID}/play$`), ({ req, res, params }) => {
    const { asset } = findVisibleAsset(ctx, req, params[0]!);
    if (!asset.mimeType.startsWith('video/')) throw notFound(`assetId: ${asset.name} is not a video (${asset.mimeType})`, 'assetId');
    const title = String(asset.assetMetadata['dc:title'] ?? asset.name);
    const base = `/adobe/assets/${asset.id}`;
    // With ffmpeg: the HLS stream first (Safari and recent Chrome play it natively; other browsers
    // skip a <source> whose type they cannot play), the original as the fallback, and a poster.
    const streaming = isFound(ctx.media.tools.ffmpeg);
    send(req, res, 200, {
      body: playerPage({
        title,
        original: `${base}/original/as/${fileSeoName(asset.name)}`,
        ...(streaming ? { stream: `${base}/manifest.m3u8`, poster: `${base}/as/${seoNameFor(asset.name)}.jpg` } : {}),
      }),
      contentType: 'text/html; charset=utf-8',
      etag: quote(sha1(asset.etag, 'player', String(streaming)).slice(0, 32)),
      cacheControl: cacheControlFor(asset),
      headers: { 'Content-Security-Policy': "default-src 'none'; media-src 'self'; img-src 'self'; style-src 'unsafe-inline'" },
    });
  });

  streamRoutes(router, ctx);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface PlayerPage {
  title: string;
  /** Without a type: a browser tries it even when it would not vouch for the type (a .mov, say). */
  original: string;
  /** The HLS manifest, when the emulator can package streams. */
  stream?: string;
  poster?: string;
}

function playerPage({ title, original, stream, poster }: PlayerPage): string {
  const sources = [
    ...(stream ? [`<source src="${escapeHtml(stream)}" type="application/vnd.apple.mpegurl">`] : []),
    `<source src="${escapeHtml(original)}">`,
  ].join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>html,body{margin:0;height:100%;background:#000}video{display:block;width:100%;height:100%}</style></head>
<body><video controls playsinline preload="metadata"${poster ? ` poster="${escapeHtml(poster)}"` : ''} aria-label="${escapeHtml(title)}">${sources}</video></body></html>`;
}

/** Originals and renditions take only `attachment`; other parameters are not modifiers there. */
function pickAttachment(url: URL): URLSearchParams {
  const value = url.searchParams.getAll('attachment');
  const out = new URLSearchParams();
  for (const v of value) out.append('attachment', v);
  return out;
}
