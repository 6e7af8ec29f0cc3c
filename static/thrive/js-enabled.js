// GOV.UK Frontend's "js-enabled" class, set before the page paints. It lives in a file rather than
// inline in base.html so the Content-Security-Policy can refuse every inline script.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
