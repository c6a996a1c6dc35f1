// First on the page, so that every Content-Security-Policy violation is counted (window.violations).
window.violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile ?? ''}:${event.lineNumber ?? ''}`);
  const output = document.getElementById('violations');
  if (output) output.textContent = String(window.violations.length);
});
