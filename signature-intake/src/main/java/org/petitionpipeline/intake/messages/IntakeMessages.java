package org.petitionpipeline.intake.messages;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word intake shows a signer that an organizer did not write: the embed widget's (served to it as
 * {@link WidgetMessages}), the no-JavaScript form's, the thank-you, problem and privacy pages', field errors. The
 * wording is in {@code messages/msg_<language>.properties} only, English included: a translator adds a language with
 * one file and no code, and {@code MessagesCompletenessTest} names any key a shipped language lacks. Widget keys start
 * with {@code widget}; their parameters stay as {@code {name}} for the script to fill in.
 */
@MessageBundle(value = "msg", locale = "en")
public interface IntakeMessages {

    // ---- the widget ---------------------------------------------------------------------------------------------
    @Message
    String widgetProgress();

    @Message
    String widgetStep(String step, String steps);

    @Message
    String widgetTotalOfGoal(String total, String goal);

    @Message
    String widgetTotal(String total);

    @Message
    String widgetGivenName();

    @Message
    String widgetFamilyName();

    @Message
    String widgetEmail();

    @Message
    String widgetPostalCode();

    @Message
    String widgetCountry();

    @Message
    String widgetComments();

    @Message
    String widgetOptional();

    @Message
    String widgetChooseCountry();

    @Message
    String widgetConsentDefault();

    @Message
    String widgetPrivacy();

    @Message
    String widgetHoneypot();

    @Message
    String widgetSign();

    @Message
    String widgetSigning();

    @Message
    String widgetForget();

    @Message
    String widgetWelcomeBackSigned(String name);

    @Message
    String widgetWelcomeBack(String name);

    @Message
    String widgetNotYou(String name);

    @Message
    String widgetCheckForm();

    @Message
    String widgetInSeconds(String seconds);

    @Message
    String widgetInAMinute();

    @Message
    String widgetBusy(String when);

    @Message
    String widgetSignatureUnconfirmed(String when);

    @Message
    String widgetReportUnconfirmed(String when);

    @Message
    String widgetServerAnswered(String status);

    @Message
    String widgetUnreachableSign();

    @Message
    String widgetUnreachableSend();

    @Message
    String widgetShareStep();

    @Message
    String widgetCopyLink();

    @Message
    String widgetLinkCopied();

    @Message
    String widgetCopyThisLink(String url);

    @Message
    String widgetThanksNamed(String name);

    @Message
    String widgetThanks();

    @Message
    String widgetAskFriends();

    @Message
    String widgetSharedText(String title);

    @Message
    String widgetCalledOne(String count);

    @Message
    String widgetCalledMany(String count);

    @Message
    String widgetYourRepresentative();

    @Message
    String widgetYourRepresentatives();

    @Message
    String widgetYourTitle(String title);

    @Message
    String widgetYourTitles(String titles);

    @Message
    String widgetAnotherOfficial();

    @Message
    String widgetChooseWhom();

    @Message
    String widgetSomeoneElse();

    @Message
    String widgetHowItWent();

    @Message
    String widgetWhoDidYouCall();

    @Message
    String widgetHowDidItGo();

    @Message
    String widgetSend();

    @Message
    String widgetChooseOutcome();

    @Message
    String widgetChooseTarget();

    @Message
    String widgetCalled();

    @Message
    String widgetWhyCall();

    @Message
    String widgetCallStep();

    @Message
    String widgetCallOthers(String count);

    @Message
    String widgetNextCall();

    // ---- pages ------------------------------------------------------------------------------------------------
    @Message
    String pageTitle();

    @Message
    String outcomeTalkedToStaff();

    @Message
    String outcomeLeftVoicemail();

    @Message
    String outcomeNoAnswer();

    @Message
    String outcomeLineBusy();

    @Message
    String thanksTitle();

    @Message
    String thanksReceived(String title);

    @Message
    String thanksReceipt();

    @Message
    String thanksReference(String reference);

    @Message
    String thanksNoReference();

    @Message
    String calledTitle();

    @Message
    String calledNoted(String title);

    @Message
    String problemSignature();

    @Message
    String problemSignatureMaybe();

    @Message
    String problemReport();

    @Message
    String problemReportMaybe();

    @Message
    String problemCorrectAndSign();

    @Message
    String problemSignAgain();

    @Message
    String problemCorrectAndSend();

    @Message
    String problemSendAgain();

    // ---- what to fix, next to each field ----------------------------------------------------------------------
    @Message
    String errorNoPerson();

    @Message
    String errorPersonRequired();

    @Message
    String errorInvalidFields(int count);

    @Message
    String errorRequired();

    @Message
    String errorRequiredHere();

    @Message
    String errorConsentChanged();

    @Message
    String errorNameSymbols();

    @Message
    String errorNameLetter();

    @Message
    String errorWebAddress();

    @Message
    String errorControlCharacters();

    @Message
    String errorTooLong(int max);

    @Message
    String errorEmail(String address);

    @Message
    String errorCountry();

    @Message
    String errorPostalCodeUs();

    @Message
    String errorPostalCodeGb();

    @Message
    String errorPostalCodeCa();

    @Message
    String errorPostalCodeDe();

    @Message
    String errorPostalCodeFr();

    @Message
    String errorPostalCode();

    // ---- the default privacy notice ---------------------------------------------------------------------------
    @Message
    String privacyTitle();

    @Message
    String privacyWhatWeKeep();

    @Message
    String privacyReceipt();

    @Message
    String privacyUnsubscribe();

    @Message
    String privacyRemembered();

    @Message
    String privacyMessageLog(long days, long hours);

    @Message
    String privacyExportLink();

    @Message
    String privacyExport();

    @Message
    String privacyEraseLink();

    @Message
    String privacyErase();

    @Message
    String privacyDefaultNotice();
}
