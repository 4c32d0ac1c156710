// Taps through a path of screens in this page, again and again, and measures each tap: from the
// click event (performance.now() in a capture listener, before the page's own handlers) to the
// moment the next screen is in the DOM (its data-screen on #screen and its marker element present,
// seen by a MutationObserver). Runs by itself so that many windows tap at once; Selenium only
// starts it and reads window.__bench when done.
// arguments: path [[buttonId, nextScreen, markerSelector], ...], warm-up loops, measured loops,
// think time min and max (ms) between taps, time limit per tap (ms)
const [path, warmLoops, loops, thinkMin, thinkMax, limit] = arguments;
const bench = window.__bench = {samples: [], done: false, error: null};
let clickedAt = null;
document.addEventListener('click', () => { clickedAt = performance.now(); }, true);

const shown = (screen, marker) => {
  const main = document.getElementById('screen');
  return main !== null && main.getAttribute('data-screen') === screen && document.querySelector(marker) !== null;
};

const arrival = (screen, marker) => new Promise((resolve, reject) => {
  let timer = null;
  const observer = new MutationObserver(() => {
    if (shown(screen, marker)) {
      const at = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      resolve(at);
    }
  });
  observer.observe(document, {subtree: true, childList: true, attributes: true});
  timer = setTimeout(() => {
    observer.disconnect();
    reject(new Error('screen ' + screen + ' (' + marker + ') did not come within ' + limit + ' ms'));
  }, limit);
});

const pause = ms => new Promise(resolve => setTimeout(resolve, ms));

(async () => {
  try {
    for (let loop = 0; loop < warmLoops + loops; loop++) {
      for (const [id, screen, marker] of path) {
        await pause(thinkMin + Math.random() * (thinkMax - thinkMin));
        const button = document.getElementById(id);
        if (button === null) {
          throw new Error('no #' + id + ' on screen ' + document.getElementById('screen')?.getAttribute('data-screen'));
        }
        const next = arrival(screen, marker);
        clickedAt = null;
        button.click();
        const at = await next;
        if (clickedAt === null) {
          throw new Error('the click on #' + id + ' was not seen');
        }
        if (loop >= warmLoops) {
          bench.samples.push({tap: id, ms: at - clickedAt});
        }
      }
    }
  } catch (e) {
    bench.error = String(e);
  }
  bench.done = true;
})();
