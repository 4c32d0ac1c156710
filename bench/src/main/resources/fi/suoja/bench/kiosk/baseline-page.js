// The baseline: the kiosk's screens as bare buttons in a page of the UI server's own origin. A tap
// fetches one small static file from the UI server (no cache) and, when its body has arrived,
// swaps #screen to the next screen: one HTTP round trip and a DOM swap, no Vaadin, no kiosk-server.
// arguments: the URL path to fetch
const [resource] = arguments;
const screens = {
  start: ['book'],
  when: ['when-now', 'when-later', 'back', 'start-again'],
  rooms: ['room-1', 'room-2', 'room-3', 'back', 'start-again'],
};
const next = {'book': 'when', 'when-now': 'rooms', 'back': 'when', 'start-again': 'start'};
document.documentElement.innerHTML = '<head><title>Baseline</title></head><body><main id="screen"></main></body>';
const main = document.getElementById('screen');
const render = screen => {
  main.replaceChildren(...screens[screen].map(id => {
    const button = document.createElement('button');
    button.id = id;
    button.textContent = id;
    return button;
  }));
  main.setAttribute('data-screen', screen);
};
main.addEventListener('click', event => {
  const screen = next[event.target.id];
  if (screen) {
    fetch(resource, {cache: 'no-store'}).then(answer => answer.text()).then(() => render(screen));
  }
});
render('start');
