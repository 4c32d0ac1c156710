// Where a first kiosk page's time went, in ms since the navigation started: the HTML in, the
// bundles under VAADIN/build in, Flow's ?v-r=init answered, its first UIDL request (the navigation
// to the kiosk's view) sent and answered, the start screen in the DOM and drawn (see first-screen.js).
// Until the UIDL request is sent the browser works (or waits for init); then the server does.
const resources = performance.getEntriesByType('resource');
const ends = test => resources.filter(r => test(r.name)).map(r => r.responseEnd);
const last = test => { const e = ends(test); return e.length ? Math.max(...e) : -1; };
const first = test => { const e = ends(test); return e.length ? Math.min(...e) : -1; };
const firstStart = test => { const e = resources.filter(r => test(r.name)).map(r => r.startTime); return e.length ? Math.min(...e) : -1; };
const nav = performance.getEntriesByType('navigation')[0];
return JSON.stringify({
  html: nav.responseEnd,
  bundles: last(n => n.includes('/VAADIN/build/')),
  init: first(n => n.includes('v-r=init')),
  firstUidlSent: firstStart(n => n.includes('v-r=uidl')),
  firstUidl: first(n => n.includes('v-r=uidl')),
  inDom: window.__screenInDom,
  drawn: window.__screenDrawn
});
