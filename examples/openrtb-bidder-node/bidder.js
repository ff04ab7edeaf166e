#!/usr/bin/env node
// A reference OpenRTB 2.6 bidder for BidArena, in Node 20 with the standard library only.
//
// Strategy ("stage-value"): the bid is a CPM of base x the stage's multiplier, never under the floor's
// imp.bidfloor (it declines instead), and it declines customers it has shown 6 or more ads today.
//   awareness 0.6, interest 1.0, consideration 1.6, purchase 0.4, retention 0.8, churn-risk 1.3;
//   a customer whose last click was on our ad is worth 1.25x more.
// Deterministic: the same request always gets the same answer.
//
// Usage: node bidder.js [--port 9001] [--base 2.0] [--mode normal|hang|garbage|error500|slow]
// It prints "listening on PORT" once ready (use --port 0 for a free port).
'use strict';
const http = require('node:http');

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => {
  if (a.startsWith('--')) pairs.push([a.slice(2), all[i + 1]]);
  return pairs;
}, []));
const port = Number(args.port ?? 9001);
const base = Number(args.base ?? 2.0);
const mode = args.mode ?? 'normal';
const STAGE = {awareness: 0.6, interest: 1.0, consideration: 1.6, purchase: 0.4, retention: 0.8, 'churn-risk': 1.3};
const stats = {requests: 0, bids: 0, wins: 0, bills: 0, losses: 0, repeats: 0};
// Request ids seen, and those asked more than once (GET /repeats): a market that journals answers asks once.
const seen = new Set();
const repeated = [];

function price(request) {
  const imp = request.imp[0];
  const seen = request.user?.ext?.bidarena ?? {};
  if ((seen.frequency ?? 0) >= 6) return 0;
  const segment = (request.user?.data ?? []).flatMap(d => d.segment ?? []).find(s => s.id === 'stage');
  let cpm = base * (STAGE[segment?.value] ?? 1.0);
  if (seen.lastclick === 1) cpm *= 1.25;
  cpm = Math.round(cpm * 1000) / 1000;
  return cpm >= (imp.bidfloor ?? 0) ? cpm : 0;
}

function answer(request) {
  const cpm = price(request);
  if (cpm <= 0) return null;
  const imp = request.imp[0];
  const id = encodeURIComponent(request.id);
  const me = `http://127.0.0.1:${server.address().port}`;
  return {
    id: request.id,
    bidid: `b-${request.id}`,
    cur: 'USD',
    seatbid: [{
      seat: 'node-seat',
      bid: [{
        id: `${request.id}-1`, impid: imp.id, price: cpm, adid: 'node-ad-1', crid: 'node-creative-1',
        adomain: ['node-bidder.example'], mtype: 1, w: 300, h: 250,
        adm: `<a href="https://node-bidder.example/?a=${id}"><img src="https://node-bidder.example/ad.png"></a>`,
        nurl: `${me}/win?auction=\${AUCTION_ID}&price=\${AUCTION_PRICE}&cur=\${AUCTION_CURRENCY}`,
        burl: `${me}/bill?auction=\${AUCTION_ID}&price=\${AUCTION_PRICE}&imp=\${AUCTION_IMP_ID}`,
        lurl: `${me}/loss?auction=\${AUCTION_ID}&reason=\${AUCTION_LOSS}`,
      }],
    }],
  };
}

const server = http.createServer({keepAliveTimeout: 60_000}, (req, res) => {
  if (req.method === 'GET') {
    const path = req.url.split('?')[0];
    if (path === '/win') stats.wins++;
    else if (path === '/bill') stats.bills++;
    else if (path === '/loss') stats.losses++;
    const body = path === '/stats' ? JSON.stringify(stats) : path === '/repeats' ? JSON.stringify(repeated) : '';
    res.writeHead(200, {'content-type': 'application/json'}).end(body);
    return;
  }
  const chunks = [];
  req.on('data', c => chunks.push(c));
  req.on('end', () => {
    stats.requests++;
    if (mode === 'hang') return; // never answers
    if (mode === 'error500') return res.writeHead(500).end('internal error');
    if (mode === 'garbage') return res.writeHead(200, {'content-type': 'application/json'}).end('{"id": [not json');
    let request;
    try {
      request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch (e) {
      return res.writeHead(400).end('bad request');
    }
    if (seen.has(request.id)) {
      stats.repeats++;
      repeated.push(request.id);
    }
    seen.add(request.id);
    const body = answer(request);
    const send = () => body
      ? (stats.bids++, res.writeHead(200, {'content-type': 'application/json', 'x-openrtb-version': '2.6'})
        .end(JSON.stringify(body)))
      : res.writeHead(204).end();
    if (mode === 'slow') setTimeout(send, 2 * (request.tmax ?? 100)); else send();
  });
});
server.listen(port, '127.0.0.1', () => console.log(`listening on ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
