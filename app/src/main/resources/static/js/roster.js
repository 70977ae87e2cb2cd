import { connectStomp } from './stomp.js';

// The live roster: the server says over STOMP that something changed in this session, and the roster and the attempt
// log are fetched again (htmx, in the reader's language). <body data-roster-live> is "connected" once subscribed,
// "lost" when the connection closed (a reload then shows the latest state), for people's tools and tests.
const live = document.getElementById('roster-live');

function refresh(event) {
  const targets = event === 'attempted' ? ['#attempts'] : ['#roster', '#attempts'];
  for (const selector of targets) {
    const element = document.querySelector(selector);
    if (element) window.htmx.trigger(element, 'refresh');
  }
  if (event === 'opened' || event === 'closed') window.location.reload();
}

// The fraud signals fragment belongs to another part of the module; until it answers, nothing is shown.
document.body.addEventListener('htmx:beforeSwap', (event) => {
  if (event.detail.requestConfig && event.detail.requestConfig.elt
      && event.detail.requestConfig.elt.id === 'fraud-signals' && event.detail.xhr.status >= 400) {
    event.detail.shouldSwap = false;
  }
});

try {
  const client = await connectStomp({ onClose: () => { document.body.dataset.rosterLive = 'lost'; } });
  client.subscribe(live.dataset.topic, (message) => refresh(message && message.event));
  document.body.dataset.rosterLive = 'connected';
} catch {
  document.body.dataset.rosterLive = 'lost';
}
