package fr.moncompte.portal.web.error;

import jakarta.faces.context.FacesContext;

import java.io.IOException;

/** What a page opened on an id outside the caller's scope answers: the 404 page, as for an id that does not exist. */
public final class NotFoundAnswer {

    private NotFoundAnswer() {
    }

    public static void send() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().responseSendError(404, "");
        faces.responseComplete();
    }

    /** The id from the URL, or -1 when it is no number (which no record has). */
    public static long idOf(String typed) {
        try {
            return Long.parseLong(typed == null ? "" : typed);
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
