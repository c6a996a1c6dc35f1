import { provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app/app.component';

// Zoneless: no zone.js on the page. The selector calls back outside any Angular zone, and the
// components keep what it hands them in signals, which schedule change detection themselves.
bootstrapApplication(AppComponent, {
  providers: [provideBrowserGlobalErrorListeners(), provideZonelessChangeDetection()],
}).catch((error: unknown) => console.error(error));
