// Keep a draft of a casework form as the worker types (people/drafts.py), so nothing typed is lost.
// Progressive enhancement: without JavaScript the form still works, and a form that cannot be saved
// is kept as a draft by the server. With it, the draft is saved a moment after each pause in typing
// and when the page is hidden; before the form is sent, the draft is saved once more, so that if the
// worker has been signed out they are told, and the page (with all they typed) stays where it is.
const form = document.querySelector('form[data-draft-url]')
if (form) {
  const url = form.dataset.draftUrl
  const status = form.querySelector('[data-draft-status]')
  const warning = form.querySelector('[data-draft-signed-out]')
  const token = () => form.querySelector('input[name="csrfmiddlewaretoken"]')
  const PAUSE = 1500
  let timer = null
  let dirty = false
  let signedOut = false

  const say = (text) => { if (status) status.textContent = text }
  const json = (response) => response.ok && (response.headers.get('Content-Type') || '').includes('application/json')

  function showSignedOut () {
    signedOut = true
    if (warning) warning.hidden = false
    say('')
  }

  function post () {
    const data = new FormData(form)
    data.set('draft_path', window.location.pathname)
    data.set('draft_title', document.title)
    return fetch(url, {
      method: 'POST', body: data, credentials: 'same-origin',
      headers: { 'X-CSRFToken': token().value, Accept: 'application/json' }
    })
  }

  // A fresh CSRF token: signing in again (in another tab) changes it. False if still signed out.
  async function refresh () {
    const response = await fetch(`${url}?path=${encodeURIComponent(window.location.pathname)}`, {
      credentials: 'same-origin', headers: { Accept: 'application/json' }
    })
    if (!json(response)) return false
    token().value = (await response.json()).csrf
    return true
  }

  async function save () {
    dirty = false
    try {
      let response = await post()
      if (!json(response) && await refresh()) response = await post()
      if (!json(response)) {
        dirty = true
        if (response.status === 413) { say('This draft is too long to keep: save the form.'); return false }
        showSignedOut()
        return false
      }
      const answer = await response.json()
      if (answer.csrf) token().value = answer.csrf
      if (signedOut && warning) warning.hidden = true
      signedOut = false
      say(`Draft kept at ${answer.saved_at}. It is not part of the record until you save.`)
      return true
    } catch (error) {
      dirty = true
      say('Your draft could not be kept just now (no connection?). Keep this page open; it will try again.')
      return false
    }
  }

  form.addEventListener('input', () => {
    dirty = true
    window.clearTimeout(timer)
    timer = window.setTimeout(save, PAUSE)
  })
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && dirty) save()
    if (document.visibilityState === 'visible' && signedOut) save()
  })
  window.addEventListener('focus', () => { if (signedOut) save() })

  form.addEventListener('submit', async (event) => {
    const submitter = event.submitter
    if (form.dataset.draftChecked || (submitter && submitter.hasAttribute('data-draft-discard'))) return
    event.preventDefault()
    window.clearTimeout(timer)
    if (await save()) {
      form.dataset.draftChecked = 'yes'
      form.requestSubmit(submitter)
    } else if (signedOut && warning) {
      warning.setAttribute('tabindex', '-1')
      warning.focus()
    } else {
      form.dataset.draftChecked = 'yes' // no connection to the server: let the browser try to send it
      form.requestSubmit(submitter)
    }
  })
}
