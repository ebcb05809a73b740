// Passkeys (WebAuthn): the portal's pages hand the browser a challenge and send back what the authenticator answers.
// A form holding a passkey step has an element .passkey-options whose data-options is the portal's JSON
// ({"publicKey": {...}}, binary values in base64url) and data-mode "create" (adding a passkey) or "get" (signing in).
// portalPasskey(formId) runs the ceremony, writes the answer (or "error:<name>" when the person cancelled, the time
// ran out or the browser refused) into the form's hidden .passkey-answer, and presses its hidden .passkey-finish
// button: the portal checks everything and says what happened, in the page's language.
(function () {
    function fromB64u(text) {
        var base64 = text.replace(/-/g, '+').replace(/_/g, '/');
        while (base64.length % 4) {
            base64 += '=';
        }
        return Uint8Array.from(atob(base64), function (c) { return c.charCodeAt(0); }).buffer;
    }

    function toB64u(buffer) {
        var bytes = new Uint8Array(buffer), text = '';
        for (var i = 0; i < bytes.length; i++) {
            text += String.fromCharCode(bytes[i]);
        }
        return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }

    function creationOptions(options) {
        if (PublicKeyCredential.parseCreationOptionsFromJSON) {
            return PublicKeyCredential.parseCreationOptionsFromJSON(options);
        }
        options.challenge = fromB64u(options.challenge);
        options.user.id = fromB64u(options.user.id);
        (options.excludeCredentials || []).forEach(function (c) { c.id = fromB64u(c.id); });
        return options;
    }

    function requestOptions(options) {
        if (PublicKeyCredential.parseRequestOptionsFromJSON) {
            return PublicKeyCredential.parseRequestOptionsFromJSON(options);
        }
        options.challenge = fromB64u(options.challenge);
        (options.allowCredentials || []).forEach(function (c) { c.id = fromB64u(c.id); });
        return options;
    }

    // Written out field by field: the server refuses keys it does not know.
    function created(credential) {
        var response = credential.response;
        return {
            type: credential.type, id: credential.id, rawId: toB64u(credential.rawId),
            response: {
                attestationObject: toB64u(response.attestationObject),
                clientDataJSON: toB64u(response.clientDataJSON),
                transports: response.getTransports ? response.getTransports() : []
            },
            clientExtensionResults: credential.getClientExtensionResults()
        };
    }

    function signed(credential) {
        var response = credential.response;
        return {
            type: credential.type, id: credential.id, rawId: toB64u(credential.rawId),
            response: {
                authenticatorData: toB64u(response.authenticatorData),
                clientDataJSON: toB64u(response.clientDataJSON),
                signature: toB64u(response.signature),
                userHandle: response.userHandle ? toB64u(response.userHandle) : null
            },
            clientExtensionResults: credential.getClientExtensionResults()
        };
    }

    function withAttachment(credential, written) {
        if (credential.authenticatorAttachment) {
            written.authenticatorAttachment = credential.authenticatorAttachment;
        }
        return written;
    }

    window.portalPasskey = function (formId) {
        var form = document.getElementById(formId);
        var holder = form && form.querySelector('.passkey-options');
        if (!holder || !holder.getAttribute('data-options')) {
            return; // the portal refused to start (a message says why)
        }
        var answer = form.querySelector('.passkey-answer');
        var finish = form.querySelector('.passkey-finish');
        function send(value) {
            answer.value = value;
            finish.click();
        }
        if (!window.PublicKeyCredential || !navigator.credentials) {
            send('error:NotSupportedError');
            return;
        }
        // Said while the browser waits for the person's device, and focused on failure by the answer page.
        var status = form.querySelector('.passkey-status');
        if (status) {
            status.textContent = status.getAttribute('data-waiting');
        }
        var options = JSON.parse(holder.getAttribute('data-options')).publicKey;
        var ceremony = holder.getAttribute('data-mode') === 'create'
            ? navigator.credentials.create({publicKey: creationOptions(options)}).then(function (c) { return withAttachment(c, created(c)); })
            : navigator.credentials.get({publicKey: requestOptions(options)}).then(function (c) { return withAttachment(c, signed(c)); });
        ceremony.then(function (result) {
            send(JSON.stringify(result));
        }, function (error) {
            send('error:' + (error && error.name ? error.name : 'Error'));
        });
    };
}());
