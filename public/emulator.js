// The emulator's landing page: a plain search over the catalog, proving search and delivery work.
// Metadata is written with textContent only: it is data, never markup. Delivery URLs come from the
// selector's own core (the built dist/core.js), so their SEO names follow the rule the emulator
// checks, whatever script a file name is written in.
const core = await import('/dist/core.js').catch(() => undefined);
const form = document.querySelector('#search-form');
const input = document.querySelector('#q');
const status = document.querySelector('#status');
const list = document.querySelector('#results');
const more = document.querySelector('#more');
let cursor;
let text = '*';

async function search(append) {
  if (!core) {
    status.textContent = 'The built bundles are missing: run npm run build (npm start does), then reload.';
    return;
  }
  const body = { query: [{ match: { text } }], limit: 24, ...(append && cursor ? { cursor } : {}) };
  status.textContent = 'Searching…';
  try {
    const response = await fetch('/adobe/assets/search', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const data = await response.json();
    if (!response.ok) throw new Error(data.detail ?? response.statusText);
    if (!append) list.replaceChildren();
    for (const hit of data.hits.results) list.append(card(hit));
    const { total, relation } = data.search_metadata.totalCount;
    status.textContent = `${total.toLocaleString()}${relation === 'gte' ? '+' : ''} assets found`;
    cursor = data.cursor;
    more.hidden = !cursor;
  } catch (error) {
    status.textContent = `Search failed: ${error.message}`;
  }
}

function card(hit) {
  const title = hit.assetMetadata['dc:title'] ?? hit.repositoryMetadata['repo:name'];
  const name = String(hit.repositoryMetadata['repo:name']);
  const repository = location.origin;
  // Asset ids are urn:aaid:aem:<uuid>, valid in a path as they are; anything else is not rendered.
  if (!/^urn:aaid:aem:[0-9a-f-]+$/.test(hit.assetId)) return document.createComment('invalid asset id');
  const li = document.createElement('li');
  const format = String(hit.repositoryMetadata['dc:format'] ?? '');
  if (format.startsWith('image/')) {
    const url = (width) => core.buildDeliveryUrl({ repository, assetId: hit.assetId, seoName: core.seoNameFor(name), format: 'webp', modifiers: { width: String(width) } });
    const img = document.createElement('img');
    img.src = url(320);
    img.srcset = `${url(320)} 320w, ${url(640)} 640w`;
    img.sizes = '11rem';
    img.alt = title;
    img.loading = 'lazy';
    img.decoding = 'async';
    li.append(img);
  } else {
    // Videos and documents have no image delivery: link to the player or the original instead.
    const link = document.createElement('a');
    link.className = 'placeholder';
    const video = format.startsWith('video/');
    link.href = video ? core.playerUrl(repository, hit.assetId) : core.originalUrl(repository, hit.assetId, name);
    link.textContent = video ? '▶ Play video' : '📄 Open document';
    li.append(link);
  }
  const caption = document.createElement('div');
  caption.className = 'caption';
  caption.textContent = title;
  const small = document.createElement('small');
  const width = hit.assetMetadata['tiff:ImageWidth'];
  small.textContent = width ? `${width} × ${hit.assetMetadata['tiff:ImageLength']}` : format;
  caption.append(small);
  li.append(caption);
  return li;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  text = input.value.trim() || '*';
  search(false);
});
more.addEventListener('click', () => search(true));
search(false);
