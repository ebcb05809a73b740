package fr.moncompte.portal.web.error;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/** Installs {@link ErrorPageHandler} in front of the default exception handler (see faces-config.xml). */
public class ErrorPageHandlerFactory extends ExceptionHandlerFactory {

    public ErrorPageHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new ErrorPageHandler(getWrapped().getExceptionHandler());
    }
}
