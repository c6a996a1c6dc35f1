// The emulator's landing page: a plain search over the catalog, proving search and delivery work.
// Metadata is written with textContent only: it is data, never markup.
const form = document.querySelector('#search-form');
const input = document.querySelector('#q');
const status = document.querySelector('#status');
const list = document.querySelector('#results');
const more = document.querySelector('#more');
let cursor;
let text = '*';

async function search(append) {
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
  const seo = String(hit.repositoryMetadata['repo:name']).replace(/\.[^.]+$/, '').replace(/[^\w.-]+/g, '-');
  // Asset ids are urn:aaid:aem:<uuid>, valid in a path as they are; anything else is not rendered.
  if (!/^urn:aaid:aem:[0-9a-f-]+$/.test(hit.assetId)) return document.createComment("invalid asset id");
  const base = `/adobe/assets/${hit.assetId}/as/${seo}.webp`;
  const li = document.createElement('li');
  const format = String(hit.repositoryMetadata['dc:format'] ?? '');
  if (format.startsWith('image/')) {
    const img = document.createElement('img');
    img.src = `${base}?width=320`;
    img.srcset = `${base}?width=320 320w, ${base}?width=640 640w`;
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
    link.href = video ? `/adobe/assets/${hit.assetId}/play` : `/adobe/assets/${hit.assetId}/original/as/${encodeURIComponent(hit.repositoryMetadata['repo:name'])}`;
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
