// The selector under a strict policy: a script file, no inline code or style anywhere.
window.picker = AssetSelector.mount(document.getElementById('picker'), {
  repository: location.origin,
  selectionType: 'multiple',
  onSelect: (assets) => {
    document.getElementById('received').textContent = assets.map((a) => a.url).join(' ');
  },
});
document.getElementById('element').repository = location.origin;
