package dev.waotp;

import okhttp3.HttpUrl;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.Headers;
import retrofit2.http.POST;
import retrofit2.http.Query;
import retrofit2.http.Streaming;
import retrofit2.http.Url;

/**
 * The Kaleyra endpoints we call: {@code POST /v2/<sid>/whatsapp/<number>/messages}, for SMS
 * {@code POST /v1/<sid>/messages} (one method, since both take a body and the {@code api-key} header), and the
 * template list {@code GET /v2/<sid>/whatsapp/<waba-id>/message_templates}. The send path is built once per
 * client rather than from path parameters on every send, since sid and number never change; it is relative to
 * the base URL, so that Retrofit, which parses it again on every call, need not parse the host. Bodies stay raw:
 * the client writes the payload itself and reads every answer, success or
 * error, with the same code, so a body that is not JSON is reported with its HTTP status instead of as
 * a converter failure.
 */
interface KaleyraService {
    // Streaming: the answer is read once, by ResponseReader, instead of buffered by Retrofit first.
    @POST
    @Streaming
    Call<ResponseBody> send(@Url String path, @Header("api-key") String apiKey, @Body RequestBody payload);

    /**
     * {@code GET /v2/<sid>/whatsapp/<waba-id>/message_templates}; Kaleyra's page lists Content-Type as
     * a mandatory header even here. {@code after} is the cursor of the page wanted, none for the first.
     */
    @GET
    @Headers("Content-Type: application/json")
    Call<ResponseBody> templates(@Url HttpUrl templatesUrl, @Header("api-key") String apiKey,
            @Query("after") @Nullable String after);
}
