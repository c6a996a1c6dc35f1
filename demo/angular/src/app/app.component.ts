import { ChangeDetectionStrategy, Component, signal, VERSION } from '@angular/core';
import { ElementSelectorComponent } from './element-selector.component';
import { MountedSelectorComponent } from './mounted-selector.component';

/** The host page: one selector mounted by a component (which can be destroyed and recreated), one as an element in a template. */
@Component({
  selector: 'app-root',
  imports: [MountedSelectorComponent, ElementSelectorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header>
      <nav aria-label="Demo pages">
        <a href="/">Emulator</a>
        <a href="/demo/vanilla/">Plain page</a>
        <a href="/dist/demo/react/">React app</a>
        <a href="/demo/custom-element/">Custom element</a>
        <a href="/dist/demo/angular/" aria-current="page">Angular app</a>
      </nav>
      <h1>Angular app host</h1>
      <p>
        An Angular {{ angularVersion }} app (standalone components, zoneless) that loads the script-tag build.
        Pick assets in either selector and press <strong>Select</strong>; what the app received is shown below each.
      </p>
    </header>
    <main>
      <section aria-labelledby="mounted-heading">
        <h2 id="mounted-heading">AssetSelector.mount() in a component</h2>
        <p>
          <code>MountedSelectorComponent</code> mounts the selector in <code>ngAfterViewInit</code> with a token function
          and unmounts it in <code>ngOnDestroy</code>.
        </p>
        <label class="toggle">
          <input type="checkbox" [checked]="showMounted()" (change)="showMounted.set(!showMounted())" />
          Show MountedSelectorComponent
        </label>
        @if (showMounted()) {
          <app-mounted-selector [repository]="repository" />
        }
      </section>
      <section aria-labelledby="element-heading">
        <h2 id="element-heading">&lt;asset-selector&gt; in a template</h2>
        <p>
          <code>ElementSelectorComponent</code> binds attributes and a <code>query</code> property (JPEG images only) and
          listens to <code>(select)</code>.
        </p>
        <app-element-selector [repository]="repository" />
      </section>
    </main>
  `,
})
export class AppComponent {
  /** The emulator that serves this page is the repository. */
  protected readonly repository = location.origin;
  protected readonly angularVersion = VERSION.major;
  protected readonly showMounted = signal(true);
}
