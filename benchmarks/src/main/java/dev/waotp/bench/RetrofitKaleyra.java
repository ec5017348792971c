package dev.waotp.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Path;

/** The hand-written alternative to a generated sender: a Retrofit interface with Jackson POJOs. */
interface RetrofitKaleyra {
    @POST("v2/{sid}/whatsapp/{number}/messages")
    Call<Answer> send(@Path("sid") String sid, @Path("number") String businessNumber,
            @Header("api-key") String apiKey, @Body Request request);

    static Request request(String phone, String code) {
        List<Parameter> otp = List.of(new Parameter("text", code));
        return new Request(
                new MessagingObject("whatsapp", "individual", phone, "template",
                        new Template(Inputs.TEMPLATE_NAME, new Language(Inputs.LANGUAGE), List.of(
                                new Component("body", null, null, otp),
                                new Component("button", "url", 0, otp)))),
                new ExtraInfo("api"));
    }

    record Request(
            @JsonProperty("messaging_object") MessagingObject messagingObject,
            @JsonProperty("extra_info") ExtraInfo extraInfo) {}

    record MessagingObject(
            @JsonProperty("messaging_product") String messagingProduct,
            @JsonProperty("recipient_type") String recipientType,
            @JsonProperty("to") String to,
            @JsonProperty("type") String type,
            @JsonProperty("template") Template template) {}

    record Template(
            @JsonProperty("name") String name,
            @JsonProperty("language") Language language,
            @JsonProperty("components") List<Component> components) {}

    record Language(@JsonProperty("code") String code) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Component(
            @JsonProperty("type") String type,
            @JsonProperty("sub_type") String subType,
            @JsonProperty("index") Integer index,
            @JsonProperty("parameters") List<Parameter> parameters) {}

    record Parameter(@JsonProperty("type") String type, @JsonProperty("text") String text) {}

    record ExtraInfo(@JsonProperty("wa_source") String waSource) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(@JsonProperty("code") String code, @JsonProperty("data") Data data) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(@JsonProperty("message_id") String messageId) {}
}
