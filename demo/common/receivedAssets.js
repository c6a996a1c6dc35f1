// What a host does with the selector's payload, shared by the plain host pages: a preview and a
// link per asset, and the payload as JSON. Everything is written with textContent and attributes,
// never innerHTML: titles and metadata are data.

/**
 * @param {HTMLElement} section the `.received` section (with `[data-status]`, `ul` and `pre` inside)
 * @param {Array<{ title: string, url: string, srcset?: string, kind: string, width?: number, height?: number }>} assets
 * @param {string} source e.g. "onSelect"
 */
export function showReceived(section, assets, source) {
  const status = section.querySelector('[data-status]');
  const list = section.querySelector('ul');
  const json = section.querySelector('pre');
  status.textContent = `${source} received ${assets.length} ${assets.length === 1 ? 'asset' : 'assets'}`;
  list.replaceChildren(...assets.map(assetCard));
  json.textContent = JSON.stringify(assets, null, 2);
}

function assetCard(asset) {
  const li = document.createElement('li');
  if (asset.kind === 'image') {
    const img = document.createElement('img');
    img.src = asset.url;
    if (asset.srcset) {
      img.srcset = asset.srcset;
      img.sizes = '14rem';
    }
    img.alt = asset.title;
    img.decoding = 'async';
    li.append(img);
  }
  const title = document.createElement('strong');
  title.textContent = asset.title;
  const link = document.createElement('a');
  link.href = asset.url;
  link.textContent = asset.url;
  link.target = '_blank';
  link.rel = 'noopener';
  const size = document.createElement('div');
  size.textContent = asset.width && asset.height ? `original ${asset.width} × ${asset.height}` : asset.kind;
  li.append(title, size, link);
  return li;
}
