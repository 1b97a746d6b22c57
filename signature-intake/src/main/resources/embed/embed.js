/*
 * The petition embed. One line on any page:
 *   <script src="https://<intake>/embed.js" data-petition="<slug>" async></script>
 * renders the signing form in a Shadow DOM, so the page's styles and the form's never meet.
 * Optional: data-target="<css selector>" (where to render, default: just before the script),
 * data-totals="<origin of the public total>" (default: the deployment's, else this script's origin),
 * data-share-url="<url to share>" (default: the page's own address),
 * data-lang="<language>" (e.g. es; default: the first of the browser's languages the petition is written in, else
 * the petition's own; an unknown one falls back quietly).
 * Events on the host element (they bubble): petition:step {step, of, name}, petition:signed {slug, submissionId},
 * petition:called {slug, reportId, target, outcome}.
 */
(function (settings) {
  'use strict';
  const startedAt = performance.now();
  const script = document.currentScript;
  if (!script || !script.dataset.petition) {
    return;
  }
  const slug = script.dataset.petition;
  const intake = new URL(script.src).origin;
  const petitionUrl = intake + '/api/petitions/' + encodeURIComponent(slug);
  const language = script.dataset.lang;
  const reportingUrl = (script.dataset.totals || settings.totals_url || intake) + '/api/petitions/'
    + encodeURIComponent(slug);
  const totalsUrl = reportingUrl + '/total';
  const privacyUrl = new URL(settings.privacy_url || '/privacy', intake).href;
  // Only on the intake's own origin (the iframe variant) is storage ours; on a host page it would be the host's.
  const storage = location.origin === intake ? window.localStorage : null;
  const SIGNER_KEY = 'petition-embed:signer';
  const SIGNED_KEY = 'petition-embed:signed:' + slug;
  const REMEMBERED_FIELDS = ['given_name', 'family_name', 'email', 'postal_code', 'country'];
  const POLL_MS = 5000;
  // up to this many targets are offered as radio buttons when none is the signer's own; beyond, a select holds them
  const LISTED_CHOICES = 6;
  const NETWORK_RETRIES = 2;
  // problem+json field names -> the form field that shows the message
  const FIELD_OF_ERROR = {
    'person.given_name': 'given_name', 'person.family_name': 'family_name', 'person.email_addresses': 'email',
    'person.postal_addresses.postal_code': 'postal_code', 'person.postal_addresses.country': 'country',
    comments: 'comments', 'consent.text_version': 'email_updates'
  };
  const CSS = `
:host{all:initial;display:block;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a}
*{box-sizing:border-box;font:inherit}
.w{max-width:34em;border:1px solid #c8c8c8;border-radius:8px;padding:1em 1.25em;background:#fff}
h2{font-size:1.3em;font-weight:700;margin:0 0 .4em}h3{font-size:1.1em;font-weight:700;margin:.6em 0}
p{margin:.4em 0}.step{color:#555;font-size:.9em}.count{font-weight:600}
progress{width:100%;height:.8em;accent-color:#0b6e4f}
label{display:block;font-weight:600;margin-top:.7em}.opt{font-weight:400;color:#555}
input,select,textarea{display:block;width:100%;padding:.45em;border:1px solid #767676;border-radius:4px;background:#fff;color:#1a1a1a}
textarea{min-height:4em}
input[type=checkbox],input[type=radio]{display:inline;width:auto;margin:0;margin-inline-end:.4em}.check{font-weight:400;margin-top:.3em}
fieldset{border:0;padding:0;margin:.7em 0 0}legend{font-weight:600}ul{padding:0;padding-inline-start:1.2em;margin:.4em 0}
summary{cursor:pointer;color:#0b57d0;margin:.6em 0}.own>ul{padding-inline-start:0;list-style:none}
[aria-invalid=true]{border:2px solid #b3261e}.err{color:#b3261e;font-size:.9em;display:block}
button,.btn{display:inline-block;margin:.9em 0 0;margin-inline-end:.5em;padding:.55em 1.2em;border:0;border-radius:4px;background:#0b6e4f;color:#fff;font-weight:700;cursor:pointer;text-decoration:none}
button[disabled]{opacity:.6}.link{background:none;color:#0b57d0;margin:0;padding:0;text-decoration:underline;font-weight:400}
:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
.status:not(:empty){margin-top:.8em;padding:.5em .8em;border-inline-start:4px solid #b3261e;background:#fdf2f1}
.note{padding:.5em .8em;border-inline-start:4px solid #0b6e4f;background:#eef7f3}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
a{color:#0b57d0}`;

  const host = script.dataset.target ? document.querySelector(script.dataset.target) : document.createElement('div');
  if (!script.dataset.target) {
    script.before(host);
  }
  host.setAttribute('data-petition-embed', slug);
  const root = host.shadowRoot || host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  root.adoptedStyleSheets = [sheet];

  /** The widget's words in the petition's language, as intake sent them; {name} parameters filled in. */
  function t(key, parameters) {
    const words = (petition && petition.messages && petition.messages[key]) || key;
    return words.replace(/\{(\w+)\}/g, (placeholder, name) =>
      parameters && parameters[name] != null ? String(parameters[name]) : placeholder);
  }

  /** A page of ours, asked for in the petition's language. */
  function inLanguage(address) {
    const url = new URL(address);
    url.searchParams.set('lang', petition.language);
    return url.href;
  }

  /** Builds an element; text only, never markup: petitions are written by organizers, not by us. */
  function h(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === true) {
        element.setAttribute(name, '');
      } else if (value !== false && value != null) {
        element.setAttribute(name, value);
      }
    }
    element.append(...children.filter(child => child != null));
    return element;
  }

  function emit(name, detail) {
    host.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  function uuid() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = bytes[6] & 0x0f | 0x40;
    bytes[8] = bytes[8] & 0x3f | 0x80;
    const hex = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  // What the iframe remembers of a signer is personal data left on their device: it lapses after 30 days (and
  // "Not you?" forgets it at once). An entry without an expiry, from before this rule, counts as lapsed.
  const REMEMBER_FOR_MS = 30 * 24 * 60 * 60 * 1000;

  function remembered(key) {
    try {
      const kept = storage && JSON.parse(storage.getItem(key));
      if (kept && kept.until > Date.now()) {
        return kept.value;
      }
      if (kept) {
        storage.removeItem(key);
      }
    } catch (unreadable) {
      // storage refused or an entry not ours: remember nothing
    }
    return null;
  }

  function remember(key, value) {
    try {
      if (storage) {
        value == null ? storage.removeItem(key)
          : storage.setItem(key, JSON.stringify({ value, until: Date.now() + REMEMBER_FOR_MS }));
      }
    } catch (storageRefused) {
      // private modes and full quotas refuse storage; the widget works without it
    }
  }

  const counter = h('p', { class: 'count', 'aria-live': 'polite' });
  const bar = h('progress', { max: 1, value: 0 });
  const stepLabel = h('p', { class: 'step' });
  const body = h('div');
  let petition;
  let steps;

  function showStep(index) {
    const step = steps[index];
    const renderStartedAt = performance.now();
    stepLabel.textContent = t('step', { step: numbers.format(index + 1), steps: numbers.format(steps.length) });
    body.replaceChildren(...step.render().filter(part => part != null));
    host.dataset.stepRenderMs = (performance.now() - renderStartedAt).toFixed(1);
    const heading = body.querySelector('h3');
    if (index > 0 && heading) {
      heading.focus();
    }
    emit('petition:step', { step: index + 1, of: steps.length, name: step.name });
  }

  function next(index) {
    return index + 1 < steps.length ? h('button', { type: 'button' }, steps[index + 1].cta) : null;
  }

  // ---- live total ----------------------------------------------------------------------------------------------
  let numbers = new Intl.NumberFormat();
  let shownTotal = -1;

  /** Totals arrive from polls and a stream, in any order: a later answer may be older, so never go back. */
  function showTotal(answer) {
    const total = Number(answer && answer.total);
    if (!(total > shownTotal)) {
      return;
    }
    shownTotal = total;
    const goal = Number(answer.goal) || petition.goal;
    counter.textContent = goal ? t('totalOfGoal', { total: numbers.format(total), goal: numbers.format(goal) })
      : t('total', { total: numbers.format(total) });
    bar.max = Math.max(goal, 1);
    bar.value = Math.min(total, bar.max);
    host.dataset.total = total;
  }

  function pollTotal() {
    if (document.hidden) {
      return;
    }
    fetch(totalsUrl).then(r => r.ok ? r.json() : null).then(showTotal, () => {});
  }

  function watchTotal() {
    pollTotal();
    let timer = setInterval(pollTotal, POLL_MS);
    if (!window.EventSource) {
      return;
    }
    const stream = new EventSource(totalsUrl + '/stream');
    const onEvent = event => {
      try {
        showTotal(JSON.parse(event.data));
      } catch (notJson) {
        // keep the last good number
      }
    };
    stream.onmessage = onEvent;
    stream.addEventListener('total', onEvent);
    stream.onopen = () => {
      clearInterval(timer);
      timer = null;
    };
    // no stream where it is not deployed (404), or a broken one: polling carries on
    stream.onerror = () => {
      stream.close();
      if (!timer) {
        timer = setInterval(pollTotal, POLL_MS);
      }
    };
  }

  // ---- step 1: sign --------------------------------------------------------------------------------------------
  const fields = {};
  const errors = {};
  const status = h('div', { class: 'status', role: 'alert', 'aria-live': 'assertive', tabindex: -1 });
  let pending = null;
  let renderedAt;
  let signer;
  let submissionId;
  let signerRegion;

  function field(name, label, control, required) {
    const id = 'f-' + name;
    const error = h('span', { class: 'err', id: id + '-error' });
    control.id = id;
    control.name = name;
    control.setAttribute('aria-describedby', id + '-error');
    if (required) {
      control.setAttribute('aria-required', 'true');
    }
    fields[name] = control;
    errors[name] = error;
    return [h('label', { for: id }, label, required ? null : h('span', { class: 'opt' }, ' ' + t('optional'))), control, error];
  }

  function requires(signerField) {
    return (petition.required_fields || []).includes(signerField);
  }

  function countrySelect() {
    const names = new Intl.DisplayNames([petition.language, 'en'], { type: 'region' });
    const preferred = (navigator.language.split('-')[1] || '').toUpperCase();
    const options = settings.countries.map(code => [code, names.of(code) || code])
      .sort((a, b) => a[1].localeCompare(b[1], petition.language))
      .map(([code, name]) => h('option', { value: code, selected: code === preferred }, name));
    return h('select', { autocomplete: 'country' }, h('option', { value: '' }, t('chooseCountry')), ...options);
  }

  function signForm() {
    const known = remembered(SIGNER_KEY);
    const consent = h('input', { type: 'checkbox' });
    const form = h('form', { novalidate: true },
      ...field('given_name', t('givenName'), h('input', { autocomplete: 'given-name', maxlength: 100 }), true),
      ...field('family_name', t('familyName'), h('input', { autocomplete: 'family-name', maxlength: 100 }),
        requires('family_name')),
      ...field('email', t('email'), h('input', { type: 'email', autocomplete: 'email' }), true),
      ...field('postal_code', t('postalCode'), h('input', { autocomplete: 'postal-code', maxlength: 16 }),
        requires('postal_code')),
      ...field('country', t('country'), countrySelect(), requires('country')),
      ...field('comments', t('comments'), h('textarea', { maxlength: 2000 }), requires('comments')),
      h('label', { class: 'check' }, consent, h('span', { dir: 'auto' }, petition.consent_text || t('consentDefault'))),
      errors.email_updates = h('span', { class: 'err', id: 'f-email_updates-error' }),
      h('p', null, h('a', { href: inLanguage(privacyUrl), target: '_blank', rel: 'noopener' }, t('privacy'))),
      h('div', { class: 'hp', 'aria-hidden': 'true' },
        h('label', null, t('honeypot'), fields.homepage = h('input', { name: 'homepage', tabindex: -1, autocomplete: 'off' }))),
      h('button', { type: 'submit' }, t('sign')),
      status);
    consent.setAttribute('aria-describedby', 'f-email_updates-error');
    fields.email_updates = consent;
    form.addEventListener('submit', event => {
      event.preventDefault();
      submit(form);
    });
    renderedAt = new Date().toISOString();
    if (!known) {
      return [form];
    }
    for (const name of REMEMBERED_FIELDS) {
      fields[name].value = known[name] || '';
    }
    const forget = h('button', { type: 'button', class: 'link' }, t('forget'));
    const name = { name: known.given_name };
    const greeting = h('p', { class: 'note' }, t(remembered(SIGNED_KEY) ? 'welcomeBackSigned' : 'welcomeBack', name) + ' ',
      t('notYou', name) + ' ', forget);
    forget.addEventListener('click', () => {
      remember(SIGNER_KEY, null);
      remember(SIGNED_KEY, null);
      showStep(0);
      fields.given_name.focus();
    });
    return [greeting, form];
  }

  function request() {
    const value = name => fields[name].value.trim() || undefined;
    return {
      person: {
        given_name: value('given_name'), family_name: value('family_name'),
        email_addresses: [{ address: value('email') }],
        postal_addresses: [{ postal_code: value('postal_code'), country: value('country') }]
      },
      comments: value('comments'),
      consent: {
        email_updates: fields.email_updates.checked, text_version: petition.consent_text_version,
        language: petition.language
      },
      referrer_data: { source: 'embed', website: location.hostname, url: location.href.split('#')[0] },
      homepage: fields.homepage.value,
      form_rendered_at: renderedAt
    };
  }

  function clearErrors() {
    status.textContent = '';
    for (const [name, error] of Object.entries(errors)) {
      error.textContent = '';
      fields[name].removeAttribute('aria-invalid');
    }
  }

  function showFieldErrors(problem) {
    const messages = problem.errors || {};
    const general = [];
    let first;
    for (const [key, message] of Object.entries(messages)) {
      const name = FIELD_OF_ERROR[key];
      if (name && errors[name]) {
        errors[name].textContent = message;
        fields[name].setAttribute('aria-invalid', 'true');
        first = first || fields[name];
      } else {
        general.push(message);
      }
    }
    status.textContent = [problem.detail || t('checkForm'), ...general].join(' — ');
    (first || status).focus();
  }

  /**
   * A 429 refused before anything was sent on; a 503 may come after Kafka took the record without confirming it,
   * so it promises nothing either way. Resending reuses the Idempotency-Key (see post), and counts once.
   */
  function retryLater(response, shown, unconfirmed) {
    const seconds = Number(response.headers.get('Retry-After'));
    const when = seconds > 0 && seconds < 600 ? t('inSeconds', { seconds: numbers.format(seconds) }) : t('inAMinute');
    shown.textContent = t(response.status === 429 ? 'busy' : unconfirmed, { when });
  }

  /**
   * One Idempotency-Key per attempt: resending the same details after a network failure, a 429 or a 503 reuses
   * it, so what was recorded unconfirmed comes back as the same signature (or report).
   */
  async function post(path, json) {
    if (!pending || pending.json !== json) {
      pending = { json, key: uuid() };
    }
    for (let retry = 0; ; retry++) {
      try {
        return await fetch(petitionUrl + path, {
          method: 'POST', body: json,
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': pending.key }
        });
      } catch (networkFailure) {
        if (retry === NETWORK_RETRIES) {
          throw networkFailure;
        }
        await new Promise(resolve => setTimeout(resolve, 1000 * (retry + 1)));
      }
    }
  }

  async function submit(form) {
    const button = form.querySelector('button[type=submit]');
    clearErrors();
    button.disabled = true;
    button.textContent = t('signing');
    try {
      const response = await post('/signatures', JSON.stringify(request()));
      if (response.status === 202) {
        pending = null;
        signed(await response.json());
        return;
      }
      if (response.status === 429 || response.status === 503) {
        retryLater(response, status, 'signatureUnconfirmed');
      } else {
        pending = null;
        showFieldErrors(await response.json().catch(() => ({ detail: t('serverAnswered', { status: response.status }) })));
      }
    } catch (unreachable) {
      status.textContent = t('unreachableSign');
    }
    button.disabled = false;
    button.textContent = t('sign');
  }

  function signed(receipt) {
    signer = fields.given_name.value.trim();
    submissionId = receipt.submission_id;
    signerRegion = receipt.region || null;
    remember(SIGNER_KEY, Object.fromEntries(REMEMBERED_FIELDS.map(name => [name, fields[name].value.trim()])));
    remember(SIGNED_KEY, true);
    emit('petition:signed', { slug, submissionId: receipt.submission_id });
    showStep(1);
    // reporting counts within a second or two; ask sooner than the next poll
    setTimeout(pollTotal, 1500);
    setTimeout(pollTotal, 4000);
  }

  // ---- step 2: share, step 3: call ---------------------------------------------------------------------------
  function share() {
    const url = script.dataset.shareUrl || location.href.split('#')[0];
    const text = petition.share_text === petition.title ? t('sharedText', { title: petition.title })
      : petition.share_text;
    const q = encodeURIComponent;
    const copied = h('span', { role: 'status' });
    const copy = h('button', { type: 'button' }, t('copyLink'));
    copy.addEventListener('click', () => navigator.clipboard.writeText(url)
      .then(() => { copied.textContent = ' ' + t('linkCopied'); }, () => { copied.textContent = ' ' + t('copyThisLink', { url }); }));
    const intent = (label, href) => h('a', { class: 'btn', href, target: '_blank', rel: 'noopener' }, label);
    const more = next(1);
    if (more) {
      more.addEventListener('click', () => showStep(2));
    }
    return [
      h('h3', { tabindex: -1 }, signer ? t('thanksNamed', { name: signer }) : t('thanks')),
      h('p', null, t('askFriends')),
      h('p', null, copy, copied),
      h('p', null,
        intent('Email', `mailto:?subject=${q(petition.title)}&body=${q(text + ' ' + url)}`),
        intent('X', `https://twitter.com/intent/tweet?text=${q(text)}&url=${q(url)}`),
        intent('Facebook', `https://www.facebook.com/sharer/sharer.php?u=${q(url)}`),
        intent('WhatsApp', `https://wa.me/?text=${q(text + ' ' + url)}`)),
      more];
  }

  function showCalls(line) {
    fetch(reportingUrl + '/calls').then(r => r.ok ? r.json() : null).then(calls => {
      if (calls && calls.total > 0) {
        line.textContent = t(calls.total === 1 ? 'calledOne' : 'calledMany', { count: numbers.format(calls.total) });
      }
    }, () => {});
  }

  /** English plural of a title shared by several targets: "U.S. Senator" → "U.S. Senators" (English only). */
  function plural(title) {
    return /[^aeiou]y$/i.test(title) ? title.slice(0, -1) + 'ies'
      : /(s|x|z|ch|sh)$/i.test(title) ? title + 'es' : title + 's';
  }

  /**
   * "Your U.S. Senators" from the titles the organizer gave the signer's own targets; mixed titles are
   * representatives. Only English gets a plural made from the title; other languages say "your representatives".
   */
  function yours(own) {
    const titles = new Set(own.map(target => target.title || ''));
    const [title] = titles;
    if (titles.size !== 1 || !title) {
      return t(own.length === 1 ? 'yourRepresentative' : 'yourRepresentatives');
    }
    if (own.length === 1) {
      return t('yourTitle', { title });
    }
    return petition.language === 'en' ? t('yourTitles', { titles: plural(title) }) : t('yourRepresentatives');
  }

  function officeList(targets) {
    return h('ul', null, ...targets.map(target => h('li', { 'data-region': target.region },
      h('strong', null, target.name), target.title ? ', ' + target.title : '',
      h('ul', null, ...target.offices.map(office => h('li', null, office.label + ': ',
        h('a', { href: 'tel:' + office.phone.replace(/[^+\d]/g, '') }, office.phone)))))));
  }

  /**
   * The signer's own targets (those answering for the region their signature's answer named) first, with every
   * office; the others behind "Call on all elected officials". Without own targets, all of them as before.
   */
  function call(targets) {
    const own = signerRegion ? targets.filter(target => target.region === signerRegion) : [];
    const others = targets.filter(target => !own.includes(target));
    const listed = own.length ? own : others.length <= LISTED_CHOICES ? others : [];
    const unlisted = targets.filter(target => !listed.includes(target));
    const count = h('p', { class: 'calls' });
    const said = h('div', { class: 'status', role: 'alert', tabindex: -1 });
    const radios = (name, choices) => choices.map(([value, label], i) =>
      h('label', { class: 'check' }, h('input', { type: 'radio', name, value, checked: name === 'target_name' && i === 0 }), label));
    const another = unlisted.length ? h('select', { name: 'other_target', 'aria-label': t('anotherOfficial') },
      h('option', { value: '' }, t('chooseWhom')),
      ...unlisted.map(target => h('option', { value: target.name }, target.name + (target.title ? ', ' + target.title : ''))))
      : null;
    const someoneElse = another && listed.length ? [['', t('someoneElse')]] : [];
    const form = h('form', { novalidate: true },
      h('h3', null, t('howItWent')),
      h('fieldset', null, h('legend', null, t('whoDidYouCall')),
        ...radios('target_name', [...listed.map(t => [t.name, t.name]), ...someoneElse]), another),
      h('fieldset', null, h('legend', null, t('howDidItGo')), ...radios('outcome', petition.outcomes.map(o => [o.value, o.label]))),
      h('button', { type: 'submit' }, t('send')), said);
    if (another && listed.length) {
      another.addEventListener('change', () => { form.querySelector('input[name=target_name][value=""]').checked = true; });
    }
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const chosen = name => (form.querySelector(`input[name=${name}]:checked`) || {}).value;
      const report = {
        target_name: chosen('target_name') || (another && another.value) || undefined, outcome: chosen('outcome'),
        submission_id: submissionId, region: signerRegion || undefined
      };
      if (!report.target_name || !report.outcome) {
        said.textContent = t(report.target_name ? 'chooseOutcome' : 'chooseTarget');
        said.focus();
        return;
      }
      const button = form.querySelector('button');
      button.disabled = true;
      try {
        const response = await post('/calls', JSON.stringify(report));
        if (response.status === 202) {
          pending = null;
          const receipt = await response.json();
          emit('petition:called', { slug, reportId: receipt.report_id, target: report.target_name, outcome: report.outcome });
          form.replaceWith(h('p', { class: 'note', role: 'status' }, t('called')));
          setTimeout(() => showCalls(count), 1500);
          return;
        }
        if (response.status === 429 || response.status === 503) {
          retryLater(response, said, 'reportUnconfirmed');
        } else {
          pending = null;
          const problem = await response.json().catch(() => ({}));
          said.textContent = [problem.detail || t('serverAnswered', { status: response.status }),
            ...Object.values(problem.errors || {})].join(' — ');
        }
      } catch (unreachable) {
        said.textContent = t('unreachableSend');
      }
      button.disabled = false;
      said.focus();
    });
    showCalls(count);
    const why = t('whyCall');
    if (!own.length) {
      return [h('h3', { tabindex: -1 }, t('callStep')), h('p', null, why), officeList(targets), count, form];
    }
    return [
      h('h3', { tabindex: -1 }, yours(own)),
      h('p', null, why),
      h('div', { class: 'own' }, officeList(own)),
      others.length ? h('details', { class: 'others' },
        h('summary', null, t('callOthers', { count: numbers.format(others.length) })), officeList(others)) : null,
      count,
      form];
  }

  function render(loaded) {
    petition = loaded;
    numbers = new Intl.NumberFormat(petition.language);
    bar.setAttribute('aria-label', t('progress'));
    const callable = (petition.targets || []).filter(target => (target.offices || []).length);
    steps = [{ name: 'sign', render: signForm }, { name: 'share', render: share, cta: t('shareStep') }];
    if (callable.length) {
      steps.push({ name: 'call', render: () => call(callable), cta: t('nextCall') });
    }
    root.replaceChildren(h('div', { class: 'w', lang: petition.language, dir: petition.direction },
      // dir=auto: a field the translation left out is in the default language, which may run the other way
      h('h2', { dir: 'auto' }, petition.title), h('p', { dir: 'auto' }, petition.text), counter, bar, stepLabel, body));
    showStep(0);
    host.dataset.renderMs = (performance.now() - startedAt).toFixed(1);
    watchTotal();
  }

  fetch(language ? petitionUrl + '?lang=' + encodeURIComponent(language) : petitionUrl,
    { headers: { Accept: 'application/json' } })
    .then(response => response.ok ? response.json() : Promise.reject(response.status))
    .then(render)
    // without the petition there are no words in its language: this one line stays English
    .catch(() => root.replaceChildren(h('p', { role: 'alert' }, 'This petition cannot be shown right now. Please try again later.')));
})(/*SETTINGS*/{});
