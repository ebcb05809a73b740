// After a partial (Ajax) answer replaced the button a person pressed, their focus would fall back to the page's start:
// pages call this to put it on the outcome, or on the next step (a confirmation), instead.
window.portalFocus = function (id) {
    var element = document.getElementById(id);
    if (element) {
        if (!element.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(element.tagName)) {
            element.setAttribute('tabindex', '-1');
        }
        element.focus();
    }
};

// Mon compte: after a full-page answer, move the focus to where a person needs it.
// A message present when the page loads is not announced by its live region (nothing changed in it): focusing it
// makes screen readers read it. An error summary comes first, then the first refused field, then a form's error;
// then an outcome or notice (a link sent, a welcome, why the person was signed out); otherwise the first field of a
// sign-in form takes the focus.
(function () {
    function announce(element, role) {
        element.setAttribute('tabindex', '-1');
        if (role) {
            element.setAttribute('role', role);
        }
        element.focus();
    }
    var error = document.querySelector('#messages .ui-messages-error');
    if (error) {
        announce(error, 'alert');
        return;
    }
    // A form sent in full and refused: its first refused field, whose message it names (aria-describedby), or the
    // form's own error.
    var invalid = document.querySelector('main [aria-invalid=true]');
    if (invalid) {
        invalid.focus();
        return;
    }
    var formError = document.querySelector('main .ui-messages-error');
    if (formError) {
        announce(formError, 'alert');
        return;
    }
    var outcome = document.querySelector('#messages .ui-messages-info, main .ui-messages-info, '
        + 'main .notice[role=status], main .notice[role=alert]');
    if (outcome) {
        announce(outcome, null);
        return;
    }
    var first = document.querySelector('form#signIn input[type=email]');
    if (first) {
        first.focus();
    }
})();

// Idle sign-out (ASVS 3.3): the server ends a session after 30 minutes without a request. A minute before, this asks
// whether the person is still there; "Rester connecté" sends a request, which renews the session. The time of the
// latest request is shared between the portal's tabs through localStorage, so a tab in use keeps the others open.
(function () {
    var box = document.getElementById('idleWarning');
    if (!box) {
        return;
    }
    var KEY = 'portal.lastRequest';
    var idleMs = parseInt(box.getAttribute('data-idle-seconds'), 10) * 1000;
    var warnMs = parseInt(box.getAttribute('data-warn-seconds'), 10) * 1000;
    // Sign out a little before the server would, so that the sign-out request still finds the session.
    var marginMs = 5000;
    var countdown = document.getElementById('idleCountdown');
    var stay = document.getElementById('idle:stay');
    var leave = document.getElementById('idle:leave');
    var expire = document.getElementById('idle:expire');
    var localLast = Date.now();
    var returnFocus = null;
    var signingOut = false;

    function noteRequest() {
        localLast = Date.now();
        try {
            localStorage.setItem(KEY, String(localLast));
        } catch (e) { /* storage refused: this tab keeps its own time */ }
    }

    function lastRequest() {
        try {
            var shared = parseInt(localStorage.getItem(KEY), 10);
            return isNaN(shared) ? localLast : shared;
        } catch (e) {
            return localLast;
        }
    }

    function open(secondsLeft) {
        countdown.textContent = String(secondsLeft);
        if (!box.hidden) {
            return;
        }
        returnFocus = document.activeElement;
        box.hidden = false;
        stay.focus();
    }

    function close() {
        if (box.hidden) {
            return;
        }
        box.hidden = true;
        if (returnFocus && document.body.contains(returnFocus)) {
            returnFocus.focus();
        }
    }

    function tick() {
        var left = lastRequest() + idleMs - marginMs - Date.now();
        if (left <= 0) {
            if (!signingOut) {
                signingOut = true;
                expire.click();
            }
        } else if (left <= warnMs) {
            open(Math.ceil(left / 1000));
        } else {
            close();
        }
    }

    // Keyboard: Tab stays between the dialog's two buttons; Escape means "stay".
    box.addEventListener('keydown', function (event) {
        if (event.key === 'Escape') {
            event.preventDefault();
            stay.click();
        } else if (event.key === 'Tab') {
            event.preventDefault();
            (document.activeElement === stay ? leave : stay).focus();
        }
    });

    noteRequest();
    if (window.jQuery) {
        window.jQuery(document).on('pfAjaxComplete', noteRequest);
    }
    window.setInterval(tick, 1000);
})();
