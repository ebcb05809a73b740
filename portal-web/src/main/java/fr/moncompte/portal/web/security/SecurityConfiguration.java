package fr.moncompte.portal.web.security;

import fr.moncompte.portal.domain.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/** The roles the portal's pages and boundaries check (SPEC §1). */
@ApplicationScoped
@DeclareRoles({Roles.USER, Roles.CLIENT_ADMIN, Roles.FIRM_ADMIN, Roles.OPERATOR, Roles.SYSTEM})
public class SecurityConfiguration {
}
