package fr.moncompte.portal.web.operations;

import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.signon.boundary.SignOnClients;
import fr.moncompte.portal.domain.signon.entity.ClientSettings;
import fr.moncompte.portal.domain.signon.entity.SignOnClient;
import fr.moncompte.portal.domain.signon.entity.SignOnClient.AuthMethod;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.security.ClientAddress;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * "Back-office › Connexion unique": the OpenID Connect client of each catalogue application (issue 22). An operator
 * registers one, sets its exact redirect and post-logout addresses, its back-channel logout and sign-in addresses,
 * how it authenticates, and makes a new secret, which is shown this once.
 */
@Named
@ViewScoped
public class SignOnClientsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "client";

    @EJB
    SignOnClients clients;

    @Inject
    PageMessages messages;

    private transient List<SignOnClients.Row> rows;
    private Long applicationId;
    private String applicationCode;
    private Long clientDbId;
    private String authMethod = AuthMethod.CLIENT_SECRET_BASIC.value();
    private String redirectUris;
    private String postLogoutRedirectUris;
    private String backchannelLogoutUri;
    private String initiateLoginUri;
    private String jwks;
    /** The secret just made, shown once; gone at the next action. */
    private String secret;
    private String secretClientId;

    public List<SignOnClients.Row> getRows() {
        if (rows == null) {
            rows = clients.all();
        }
        return rows;
    }

    public List<String> getAuthMethods() {
        return Arrays.stream(AuthMethod.values()).map(AuthMethod::value).toList();
    }

    public void edit(long application) {
        secret = null;
        SignOnClients.Row row = getRows().stream().filter(r -> r.application().getId() == application).findFirst()
                .orElse(null);
        if (row == null) {
            messages.formError(FORM, "error.notFound");
            return;
        }
        applicationId = application;
        applicationCode = row.application().getCode();
        SignOnClient client = row.client();
        clientDbId = client == null ? null : client.getId();
        ClientSettings s = client == null ? null : client.settings();
        authMethod = s == null ? AuthMethod.CLIENT_SECRET_BASIC.value() : s.authMethod().value();
        redirectUris = s == null ? "" : String.join("\n", s.redirectUris());
        postLogoutRedirectUris = s == null ? "" : String.join("\n", s.postLogoutRedirectUris());
        backchannelLogoutUri = s == null ? null : s.backchannelLogoutUri();
        initiateLoginUri = s == null ? null : s.initiateLoginUri();
        jwks = s == null ? null : s.jwks();
    }

    public void save() {
        if (applicationId == null) {
            return;
        }
        secret = null;
        ClientSettings typed = new ClientSettings(AuthMethod.of(authMethod), lines(redirectUris),
                lines(postLogoutRedirectUris), backchannelLogoutUri, initiateLoginUri, jwks);
        try {
            if (clientDbId == null) {
                SignOnClients.WithSecret made = clients.create(applicationId, typed, address());
                clientDbId = made.client().getId();
                showSecret(made);
                messages.formInfo(FORM, "signon.client.created", made.client().getClientId());
            } else {
                SignOnClient saved = clients.change(clientDbId, typed, address());
                messages.formInfo(FORM, "signon.client.saved", saved.getClientId());
            }
            rows = null;
        } catch (FieldsRefused refused) {
            for (FieldsRefused.Problem problem : refused.problems()) {
                messages.fieldError(FORM + ":" + problem.field(), problem.messageKey());
            }
        } catch (NotFound gone) {
            messages.formError(FORM, "error.notFound");
        } catch (PortalException refused) {
            messages.formError(FORM, refused.messageKey());
        }
    }

    public void newSecret() {
        if (clientDbId == null) {
            return;
        }
        try {
            showSecret(clients.newSecret(clientDbId, address()));
            messages.formInfo(FORM, "signon.secret.made", secretClientId);
        } catch (NotFound gone) {
            messages.formError(FORM, "error.notFound");
        }
    }

    private void showSecret(SignOnClients.WithSecret made) {
        secret = made.secret();
        secretClientId = made.client().getClientId();
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).toList();
    }

    private static String address() {
        return ClientAddress.of((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }

    public boolean isEditing() {
        return applicationId != null;
    }

    public boolean isRegistered() {
        return clientDbId != null;
    }

    public String getApplicationCode() {
        return applicationCode;
    }

    public String getSecret() {
        return secret;
    }

    public String getSecretClientId() {
        return secretClientId;
    }

    public String getAuthMethod() {
        return authMethod;
    }

    public void setAuthMethod(String authMethod) {
        this.authMethod = authMethod;
    }

    public String getRedirectUris() {
        return redirectUris;
    }

    public void setRedirectUris(String redirectUris) {
        this.redirectUris = redirectUris;
    }

    public String getPostLogoutRedirectUris() {
        return postLogoutRedirectUris;
    }

    public void setPostLogoutRedirectUris(String postLogoutRedirectUris) {
        this.postLogoutRedirectUris = postLogoutRedirectUris;
    }

    public String getBackchannelLogoutUri() {
        return backchannelLogoutUri;
    }

    public void setBackchannelLogoutUri(String backchannelLogoutUri) {
        this.backchannelLogoutUri = backchannelLogoutUri;
    }

    public String getInitiateLoginUri() {
        return initiateLoginUri;
    }

    public void setInitiateLoginUri(String initiateLoginUri) {
        this.initiateLoginUri = initiateLoginUri;
    }

    public String getJwks() {
        return jwks;
    }

    public void setJwks(String jwks) {
        this.jwks = jwks;
    }
}
