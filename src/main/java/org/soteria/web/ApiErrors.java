package org.soteria.web;

import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * API errors as RFC 9457 problem documents (application/problem+json). Limited to REST controllers so
 * that pages keep their GOV.UK error pages.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
public class ApiErrors extends ResponseEntityExceptionHandler {
}
