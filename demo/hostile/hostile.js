// Three selectors with their own options and outputs, and a modal one opened from the host's own modal.
const { mount } = window.AssetSelector;
const show = (id) => (assets) => {
  document.getElementById(id).textContent = assets.map((a) => a.url).join(' ') || 'nothing';
};

window.pickers = {
  en: mount(document.getElementById('picker-en'), { repository: location.origin, selectionType: 'multiple', onSelect: show('received-en') }),
  de: mount(document.getElementById('picker-de'), { repository: location.origin, locale: 'de', colorScheme: 'dark', onSelect: show('received-de') }),
  modal: mount(document.getElementById('picker-modal'), { repository: location.origin, mode: 'modal', onSelect: show('received-modal') }),
};

const element = document.getElementById('element');
element.repository = location.origin;
element.addEventListener('select', (event) => show('received-element')(event.detail.assets));

const hostModal = document.getElementById('host-modal');
document.getElementById('open-host-modal').addEventListener('click', () => {
  hostModal.showModal();
  document.getElementById('host-overlay').hidden = false;
});
document.getElementById('open-selector').addEventListener('click', () => window.pickers.modal.open());
