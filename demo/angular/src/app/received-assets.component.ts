import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { SelectedAsset } from 'asset-selector';

/** What the host does with the payload: a preview and a link per asset, and the payload as JSON. */
@Component({
  selector: 'app-received-assets',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="received" [attr.aria-label]="'Received by ' + source()">
      <p role="status">{{ status() }}</p>
      <ul aria-label="Received assets">
        @for (asset of assets(); track asset.assetId) {
          <li>
            @if (asset.kind === 'image') {
              <img [src]="asset.url" [attr.srcset]="asset.srcset ?? null" sizes="14rem" [alt]="asset.title" decoding="async" />
            }
            <strong>{{ asset.title }}</strong>
            <div>{{ asset.width && asset.height ? 'original ' + asset.width + ' × ' + asset.height : asset.kind }}</div>
            <a [href]="asset.url" target="_blank" rel="noopener">{{ asset.url }}</a>
          </li>
        }
      </ul>
      <pre tabindex="0" role="region" [attr.aria-label]="source() + ' payload as JSON'">{{ json() }}</pre>
    </section>
  `,
})
export class ReceivedAssetsComponent {
  /** `undefined` until the selector has emitted once. */
  readonly assets = input.required<SelectedAsset[] | undefined>();
  /** Where the payload came from, e.g. "onSelect" or "select event". */
  readonly source = input.required<string>();

  protected readonly status = computed(() => {
    const assets = this.assets();
    if (!assets) return 'Nothing received yet.';
    return `${this.source()} received ${assets.length} ${assets.length === 1 ? 'asset' : 'assets'}`;
  });
  protected readonly json = computed(() => (this.assets() ? JSON.stringify(this.assets(), null, 2) : ''));
}
