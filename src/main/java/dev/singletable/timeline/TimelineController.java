package dev.singletable.timeline;

import dev.singletable.web.AuthenticatedUser;
import dev.singletable.web.OnePage;
import dev.singletable.web.PageQuery;
import dev.singletable.web.PageResponse;
import dev.singletable.web.Paging;
import dev.singletable.web.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Timeline", description = "The caller's home timeline")
class TimelineController {

    private final TimelineService timelines;
    private final Paging paging;

    TimelineController(TimelineService timelines, Paging paging) {
        this.timelines = timelines;
        this.paging = paging;
    }

    @GetMapping("/api/timeline")
    @SignedIn
    @Operation(
            summary = "Your home timeline, newest first",
            description = "The tweets of the accounts you follow, from the last days (7 by default). Built from the "
                    + "table's stream when a tweet is posted, so a new tweet appears a moment later; following someone "
                    + "adds their recent tweets, unfollowing removes them. Paged: pass nextCursor back as ?cursor= "
                    + "until it is null.")
    @OnePage("One page of the timeline")
    public PageResponse<TimelineEntryResponse> timeline(
            @Valid @ParameterObject PageQuery page, @AuthenticationPrincipal AuthenticatedUser caller) {
        // the cursor is bound to the caller's own feed: another user's cursor is 400 invalid-cursor
        return paging.page(
                "timeline/" + caller.userId(),
                page,
                (limit, start) -> timelines.timeline(caller, limit, start),
                TimelineEntryResponse::of);
    }
}
