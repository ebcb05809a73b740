// Mon compte: after a full-page answer, move the focus to where a person needs it.
// An error summary present when the page loads is not announced by a live region: focusing it makes screen readers
// read it. Otherwise the first field of a sign-in form takes the focus.
(function () {
    var error = document.querySelector('#messages .ui-messages-error');
    if (error) {
        error.setAttribute('tabindex', '-1');
        error.setAttribute('role', 'alert');
        error.focus();
        return;
    }
    var first = document.querySelector('form#signIn input[type=email]');
    if (first) {
        first.focus();
    }
})();
