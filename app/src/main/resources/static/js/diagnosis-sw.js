// Service worker of the plant-diagnosis pages: keeps the upload page and its assets so that it opens without a
// connection (photos taken then wait in IndexedDB, see diagnosis.js), and asks open pages to send waiting photos
// when a background sync fires. Pages are fetched from the network first, so a connection always shows fresh ones.
const CACHE = 'sightline-diagnosis-v1';
const SHELL = ['/diagnosis', '/js/diagnosis.js', '/css/sightline.css', '/webjars/bootstrap/css/bootstrap.min.css',
  '/webjars/bootstrap/js/bootstrap.bundle.min.js', '/webjars/htmx.org/dist/htmx.min.js'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin || url.pathname.startsWith('/api/')) {
    return;
  }
  const keep = url.pathname === '/diagnosis' || SHELL.includes(url.pathname);
  event.respondWith(fetch(request).then((response) => {
    if (keep && response.ok && !response.redirected) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(url.pathname, copy));
    }
    return response;
  }).catch(() => caches.match(url.pathname).then((cached) => cached || Response.error())));
});

self.addEventListener('sync', (event) => {
  event.waitUntil(self.clients.matchAll().then((pages) => pages.forEach((page) => page.postMessage('flush'))));
});
