import { type AfterViewInit, ChangeDetectionStrategy, Component, type ElementRef, type OnDestroy, inject, input, signal, viewChild } from '@angular/core';
import type { SelectedAsset, SelectorHandle } from 'asset-selector';
import '../assetSelectorGlobal';
import { AuthTokenService } from './auth-token.service';
import { ReceivedAssetsComponent } from './received-assets.component';

/**
 * The selector mounted imperatively with the script-tag build's `AssetSelector.mount()`: created
 * once the component's view (and so its host element) exists, unmounted when the component is
 * destroyed, with the selection kept in a signal.
 */
@Component({
  selector: 'app-mounted-selector',
  imports: [ReceivedAssetsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="controls"><span aria-live="polite">{{ chosen() }} chosen (onSelectionChange)</span></p>
    <div #picker class="picker"></div>
    <app-received-assets [assets]="selection()" source="onSelect" />
  `,
})
export class MountedSelectorComponent implements AfterViewInit, OnDestroy {
  /** The DM OpenAPI repository (delivery origin) to search. */
  readonly repository = input.required<string>();

  protected readonly selection = signal<SelectedAsset[] | undefined>(undefined);
  protected readonly chosen = signal(0);

  private readonly picker = viewChild.required<ElementRef<HTMLElement>>('picker');
  private readonly auth = inject(AuthTokenService);
  private handle: SelectorHandle | undefined;

  ngAfterViewInit(): void {
    this.handle = window.AssetSelector.mount(this.picker().nativeElement, {
      repository: this.repository(),
      // A function, not a string: the selector asks again after a 401, and the token never sits in options.
      token: () => this.auth.accessToken(),
      selectionType: 'multiple',
      // Callbacks run outside Angular; setting a signal is what schedules change detection (zoneless).
      onSelect: (assets) => this.selection.set(assets),
      onSelectionChange: (assets) => this.chosen.set(assets.length),
      onError: (error) => console.warn('asset selector:', error.code, error.message),
    });
  }

  ngOnDestroy(): void {
    // Removes the React root, its listeners, timers and pending requests; Angular then removes the host element.
    this.handle?.unmount();
    this.handle = undefined;
  }
}
