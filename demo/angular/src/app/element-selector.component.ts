import { ChangeDetectionStrategy, Component, CUSTOM_ELEMENTS_SCHEMA, input, signal } from '@angular/core';
import type { AssetSelectorEventDetail, QueryNode, SelectedAsset } from 'asset-selector';
import { ReceivedAssetsComponent } from './received-assets.component';

/**
 * `<asset-selector>` in a template: string options bound as attributes, object-valued ones as
 * properties, its `select` and `selectionchange` events as Angular outputs. `$event` is typed
 * through the package's `HTMLElementTagNameMap` entry, so `$event.detail.assets` is checked by the
 * template compiler.
 */
@Component({
  selector: 'app-element-selector',
  imports: [ReceivedAssetsComponent],
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="controls"><span aria-live="polite">{{ chosen() }} chosen (selectionchange event)</span></p>
    <asset-selector
      class="picker"
      mode="inline"
      selection-type="single"
      image-format="webp"
      [attr.repository]="repository()"
      [query]="jpegOnly"
      (select)="onSelect($event.detail)"
      (selectionchange)="chosen.set($event.detail.assets.length)"
    ></asset-selector>
    <app-received-assets [assets]="selection()" source="select event" />
  `,
})
export class ElementSelectorComponent {
  /** The DM OpenAPI repository (delivery origin) to search. */
  readonly repository = input.required<string>();

  /** A property binding: a query is an object, which an attribute cannot carry. Only JPEG images are offered. */
  protected readonly jpegOnly: QueryNode[] = [{ term: { 'repositoryMetadata.dc:format': ['image/jpeg'] } }];
  protected readonly selection = signal<SelectedAsset[] | undefined>(undefined);
  protected readonly chosen = signal(0);

  protected onSelect(detail: AssetSelectorEventDetail): void {
    this.selection.set(detail.assets);
  }
}
