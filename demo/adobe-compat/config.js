// The one addition a page written for Adobe's Asset Selector needs: where the repository is and
// which token to send (here the emulator that serves this page, with a development token).
window.assetSelectorCompat = { repository: location.origin, token: 'dev-token-marketing' };
