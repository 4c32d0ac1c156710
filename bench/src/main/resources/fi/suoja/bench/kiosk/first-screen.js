// Run by Chromium before any of a page's own scripts (Chromium.beforeEveryPage): notes when the
// kiosk's start screen is first in the page, in ms since the navigation started (performance.now()),
// and when the frame that shows it has been drawn (the task after the next animation frame).
(() => {
  const shown = () => {
    const screen = document.getElementById('screen');
    return screen !== null && screen.getAttribute('data-screen') === 'start' && document.getElementById('book') !== null;
  };
  const observer = new MutationObserver(() => {
    if (shown()) {
      observer.disconnect();
      window.__screenInDom = performance.now();
      requestAnimationFrame(() => setTimeout(() => { window.__screenDrawn = performance.now(); }, 0));
    }
  });
  observer.observe(document, {childList: true, subtree: true, attributes: true, attributeFilter: ['data-screen', 'id']});
})();
